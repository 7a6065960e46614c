import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionsOf, PARTY_ORG_TYPES } from '../../lib/options';

/** The enterprise's or unit's Party organisation (党组织), shown when it has one. */
export function PartyOrganizationFields() {
  const { t } = useTranslation();
  const required = (message: string) => [{ required: true, message }];

  return (
    <>
      <Form.Item name="hasPartyOrganization" label={t('organizations.hasPartyOrganization')} valuePropName="checked">
        <Switch data-testid="org-has-party" />
      </Form.Item>
      <Form.Item noStyle dependencies={['hasPartyOrganization']}>
        {({ getFieldValue }) =>
          getFieldValue('hasPartyOrganization') ? (
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['partyOrganization', 'type']}
                  label={t('partyOrganization.type')}
                  rules={required(t('partyOrganization.typeRequired'))}
                >
                  <Select options={optionsOf(PARTY_ORG_TYPES, t, 'partyOrgTypes')} data-testid="org-party-type" />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item
                  name={['partyOrganization', 'name']}
                  label={t('partyOrganization.name')}
                  rules={required(t('partyOrganization.nameRequired'))}
                >
                  <Input data-testid="org-party-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['partyOrganization', 'secretary']} label={t('partyOrganization.secretary')}>
                  <Input data-testid="org-party-secretary" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['partyOrganization', 'memberCount']}
                  label={t('partyOrganization.memberCount')}
                  rules={required(t('partyOrganization.memberCountRequired'))}
                >
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="org-party-members" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['partyOrganization', 'foundedOn']} label={t('partyOrganization.foundedOn')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          ) : null
        }
      </Form.Item>
    </>
  );
}
