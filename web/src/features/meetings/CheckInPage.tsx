import { Button, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useCheckIn } from './sessionApi';

/** Where the QR code at the meeting leads: checks the signed-in user in, once. */
export function CheckInPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const checkIn = useCheckIn(id);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    checkIn.mutate(code);
  }, [checkIn, code]);
  const back = (
    <Link to={`/meetings/${id}`}>
      <Button type="primary">{t('meetings.checkIn.backToMeeting')}</Button>
    </Link>
  );
  if (checkIn.isSuccess)
    return (
      <Result
        status="success"
        title={t('meetings.checkIn.success')}
        extra={back}
        data-testid="checkin-result"
        data-result="success"
      />
    );
  if (checkIn.isError)
    return (
      <Result
        status="error"
        title={errorMessage(checkIn.error)}
        extra={back}
        data-testid="checkin-result"
        data-result="error"
      />
    );
  return <Spin />;
}
