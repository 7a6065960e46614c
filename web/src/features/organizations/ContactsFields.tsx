import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

export function ContactsFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <Row gutter={12} key={key} align="top" data-testid="org-contact-row">
              <Col xs={24} md={5}>
                <Form.Item
                  name={[name, 'name']}
                  label={t('contacts.name')}
                  rules={[{ required: true, whitespace: true, message: t('contacts.nameRequired') }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={5}>
                <Form.Item name={[name, 'title']} label={t('contacts.title')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name={[name, 'phone']} label={t('contacts.phone')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={22} md={7}>
                <Form.Item
                  name={[name, 'email']}
                  label={t('contacts.email')}
                  rules={[{ type: 'email', message: t('contacts.emailInvalid') }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={2} md={1}>
                <Form.Item label=" ">
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(name)}
                    aria-label={t('common.delete')}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} data-testid="org-add-contact">
            {t('contacts.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
