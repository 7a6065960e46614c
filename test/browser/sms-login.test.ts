import { Http } from '../support/http';
import { SmsServer } from '../support/sms-server';
import { waitFor } from '../support/wait-for';
import { screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness, type WatchedPage } from './support';

const KEY = { id: 'LTAI-anhai-browser', secret: 'anhai-browser-secret' };
const DESKTOP = { viewport: { width: 1440, height: 900 } } as const;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;

/** 短信登录 on the login page, the code read from what the Alibaba Cloud SMS stand-in received. */
describe('signing in with an SMS code (browser)', () => {
  let harness: BrowserHarness;
  let sms: SmsServer;

  beforeAll(async () => {
    sms = new SmsServer({ [KEY.id]: KEY.secret });
    const endpoint = await sms.start();
    harness = await startBrowserHarness();
    const http = new Http(harness.app.api);
    const official = await http.token('official@anhai.demo');
    const saved = await http.put(
      '/api/v1/notification-settings',
      {
        smsEndpoint: endpoint,
        smsAccessKeyId: KEY.id,
        smsAccessKeySecret: KEY.secret,
        smsSignName: '安海镇人民政府',
        smsVerificationTemplate: 'SMS_900001',
      },
      { token: official },
    );
    expect(saved.status).toBe(200);
    await harness.app.db.admin.query(`UPDATE users SET mobile = '13900000301' WHERE email = 'expert@anhai.demo'`);
    await harness.app.db.admin.query(`UPDATE users SET mobile = '13900000302' WHERE email = 'dept2@anhai.demo'`);
  });
  afterAll(async () => {
    await harness?.close();
    await sms.stop();
  });

  const codeSentTo = async (mobile: string) => {
    const [text] = await waitFor(
      async () => sms.requests.filter((r) => r.params.PhoneNumbers === mobile),
      (texts) => texts.length > 0,
    );
    return JSON.parse(text.params.TemplateParam).code as string;
  };

  const openSmsTab = async ({ page }: WatchedPage) => {
    await page.goto('/login');
    await page.getByTestId('login-method').getByText('短信登录', { exact: true }).click();
    await page.getByTestId('sms-login-mobile').waitFor();
  };

  it('texts a code with a 60 s countdown and signs in with it (1440×900)', async () => {
    const watched = await watchedPage(harness, DESKTOP);
    const { page, context } = watched;
    await openSmsTab(watched);
    // Chinese by default, and the form's own checks before anything is asked of the API.
    await page.getByTestId('sms-send-code').click();
    await page.getByText('请输入手机号', { exact: true }).last().waitFor();
    await page.getByTestId('sms-login-mobile').fill('13900000301');
    await page.getByTestId('sms-send-code').click();
    await page.getByTestId('sms-code-sent').waitFor();
    await page
      .getByTestId('sms-send-code')
      .getByText(/秒后重新获取/)
      .waitFor();
    expect(await page.getByTestId('sms-send-code').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('sms-login-1440'), animations: 'disabled' });

    const code = await codeSentTo('13900000301');
    // A wrong code first: the localised refusal.
    await page.getByTestId('sms-login-code').fill(code === '000000' ? '111111' : '000000');
    await page.getByTestId('sms-login-submit').click();
    await page.getByTestId('sms-login-error').getByText('手机号或验证码错误，或验证码已失效').waitFor();
    await page.getByTestId('sms-login-code').fill(code);
    await page.getByTestId('sms-login-submit').click();
    await page.waitForURL('**/home');
    await page.getByTestId('user-name').getByText('陈教授').waitFor();
    // The wrong code's 401 is the one resource the console reports as failed.
    expect(watched.errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    await context.close();
  });

  it('gives an uninvited number the same answer, and it cannot sign in (390×844, English)', async () => {
    const watched = await watchedPage(harness, PHONE);
    const { page, context } = watched;
    await openSmsTab(watched);
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await page.getByTestId('login-method').getByText('SMS code', { exact: true }).waitFor();
    await page.getByTestId('sms-login-mobile').fill('13900000399');
    await page.getByTestId('sms-send-code').click();
    await page
      .getByTestId('sms-code-sent')
      .getByText('If this number is registered, a code is on its way by SMS; it works for 5 minutes')
      .waitFor();
    await page
      .getByTestId('sms-send-code')
      .getByText(/Again in \d+ s/)
      .waitFor();
    await page.screenshot({ path: screenshotPath('sms-login-390'), fullPage: true, animations: 'disabled' });
    // Give a (wrong) send time to happen: nothing goes to the number.
    await codeSentTo('13900000301');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sms.requests.filter((r) => r.params.PhoneNumbers === '13900000399')).toEqual([]);
    await page.getByTestId('sms-login-code').fill('123456');
    await page.getByTestId('sms-login-submit').click();
    await page
      .getByTestId('sms-login-error')
      .getByText('Wrong mobile number or code, or the code has expired')
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    // The wrong code's 401 is the one resource the console reports as failed.
    expect(watched.errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    await context.close();
  });
});
