import { Button, Checkbox, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useAddComment } from './api';

interface Values {
  body: string;
  internal?: boolean;
}

/** A comment on the request; the department and officials may mark it internal (the enterprise never sees it). */
export function CommentBox({ requestId, canWriteInternal }: { requestId: string; canWriteInternal: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const comment = useAddComment(requestId);
  const showError = useShowError();

  const onFinish = (values: Values) =>
    comment.mutate(
      { body: values.body.trim(), internal: canWriteInternal ? Boolean(values.internal) : undefined },
      { onSuccess: () => form.resetFields(), onError: (error) => showError(error, form) },
    );

  return (
    <Form form={form} onFinish={onFinish} data-testid="sr-comment-form">
      <Form.Item
        name="body"
        rules={[{ required: true, whitespace: true, message: t('serviceRequests.comment.required') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={5000}
          placeholder={t('serviceRequests.comment.placeholder')}
          data-testid="sr-comment-body"
        />
      </Form.Item>
      <Flex justify="space-between" align="center">
        {canWriteInternal ? (
          <Form.Item name="internal" valuePropName="checked" noStyle>
            <Checkbox data-testid="sr-comment-internal">{t('serviceRequests.comment.internal')}</Checkbox>
          </Form.Item>
        ) : (
          <span />
        )}
        <Button type="primary" htmlType="submit" loading={comment.isPending} data-testid="sr-comment-submit">
          {t('serviceRequests.comment.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
