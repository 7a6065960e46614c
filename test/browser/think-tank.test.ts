import type { Locator, Page } from 'playwright-core';
import {
  login,
  pickOption,
  screenshotPath,
  startBrowserHarness,
  watchedPage,
  type BrowserHarness,
  clickNav,
} from './support';

const TITLE = '安海镇智能装备产业链协同创新调研';
const ABSTRACT =
  '调研 24 家链上企业、开展 15 场访谈，发现企业以党建联盟为纽带抱团发展，在共享检测设备和联合攻关方面成效明显。';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const CRITERIA = ['evidence', 'feasibility', 'impact'];
const COMMENTS_1 = '建议补充链上企业的融资数据，并说明样本的代表性。';
const CONFIDENTIAL = '仅供编辑：部分访谈数据来源存疑。';
const LETTER_1 = '请根据评审专家的意见补充融资数据后再审。';
const RESPONSE = '已补充 24 家企业的融资数据，并在第三章说明了样本选取方法。';
const LETTER_2 = '修改稿已充分回应评审意见，予以录用。';

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="report-status"][data-status="${status}"]`).waitFor();
}

/** antd radio buttons put the test id on their hidden input: click the visible label around it. */
async function clickRadio(page: Page, testId: string): Promise<void> {
  await page
    .locator('label')
    .filter({ has: page.getByTestId(testId) })
    .click();
}

function uploadInput(page: Page): Locator {
  return page.getByTestId('version-upload').locator('input[type="file"]');
}

/** The expert opens the invitation of a round from the queue, accepts it and opens the review form. */
async function acceptAndOpen(page: Page, round: number): Promise<void> {
  await page.goto('/think-tank/reviews');
  const invitation = page
    .getByTestId('queue-invitations')
    .locator(`[data-testid="assignment-row"][data-title="${TITLE}"][data-round="${round}"]`);
  await invitation.getByTestId('invitation-accept').click();
  const open = page
    .getByTestId('queue-open')
    .locator(`[data-testid="assignment-row"][data-title="${TITLE}"][data-round="${round}"]`);
  await open.getByTestId('assignment-due').waitFor();
  await open.getByTestId('assignment-open').click();
  await page.locator(`[data-testid="review-page"][data-status="accepted"][data-round="${round}"]`).waitFor();
}

async function writeReview(
  page: Page,
  score: number,
  recommendation: string,
  comments: string,
  confidential?: string,
): Promise<void> {
  for (const key of CRITERIA) await clickRadio(page, `score-${key}-${score}`);
  await clickRadio(page, `review-recommendation-${recommendation}`);
  await page.getByTestId('review-comments-input').fill(comments);
  if (confidential) await page.getByTestId('review-confidential-input').fill(confidential);
  await page.getByTestId('review-submit').click();
  await page.getByTestId('review-submit-ok').click();
  await page.locator('[data-testid="review-page"][data-status="submitted"]').waitFor();
  await page.getByTestId('review-mine').getByText(comments).waitFor();
}

async function decide(
  page: Page,
  path: string,
  decision: string,
  letter: string,
  round: number,
  code: string,
): Promise<void> {
  await page.goto(path);
  // The review is in before the editor decides.
  await page
    .getByTestId(`round-${round}`)
    .locator('[data-testid="review"] [data-status="submitted"]')
    .first()
    .waitFor();
  await pickOption(page, page.getByTestId('decision-select'), decision);
  await page.getByTestId('decision-letter-input').fill(letter);
  await page.getByTestId('decision-submit').click();
  await page.locator(`[data-testid="round-${round}-decision"][data-decision="${code}"]`).waitFor();
}

describe('think tank: submit → assign → review → decide → revise → accept (browser)', () => {
  let harness: BrowserHarness;
  let author: Page;
  let editor: Page;
  let expert: Page;
  let reportPath: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    author = await harness.newPage();
    editor = await harness.newPage();
    expert = await harness.newPage();
    await login(author, 'jingong@anhai.demo');
    await login(editor, 'official@anhai.demo');
    await login(expert, 'expert@anhai.demo');
    // Starting the app and signing in three people takes longer than the default hook timeout under CI load.
  }, 180_000);
  afterAll(() => harness?.close());

  it('lets the author create a report, refuses a file that is not a PDF with the reason, and submits a PDF', async () => {
    await clickNav(author, 'think-tank/reports');
    await author.waitForURL('**/think-tank/reports');
    await author.getByTestId('reports-new').click();
    await author.getByTestId('report-form').waitFor();
    await pickOption(author, author.getByTestId('report-alliance'), '智能装备制造');
    await author.getByTestId('report-title').fill(TITLE);
    await author.getByTestId('report-abstract').fill(ABSTRACT);
    await author.getByTestId('report-topics').click();
    await author.keyboard.type('协同创新');
    await author.keyboard.press('Enter');
    await author.getByTestId('report-title').click();
    await author.getByTestId('report-form-submit').click();

    await author.waitForURL(/\/think-tank\/reports\/[0-9a-f-]{36}$/);
    reportPath = new URL(author.url()).pathname;
    await waitForStatus(author, 'draft');
    await author.getByTestId('report-overview').getByText('协同创新').waitFor();

    // A PNG named .pdf: the type is checked by content, and the reason is shown.
    await uploadInput(author).setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: PNG });
    await author.getByTestId('version-upload-error').getByText('只接受 PDF').waitFor();
    expect(await author.getByTestId('report-version').count()).toBe(0);

    await uploadInput(author).setInputFiles({ name: '协同创新调研报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await author.locator('[data-testid="report-version"][data-version="1"]').waitFor();
    await author.getByTestId('report-submit').click();
    await waitForStatus(author, 'under_review');
  });

  it('lets the editor assign 陈教授, with 刘研究员 barred for a conflict of interest and the reason shown', async () => {
    await editor.goto(reportPath);
    await waitForStatus(editor, 'under_review');
    const liu = editor.locator('[data-testid="candidate-row"][data-name="刘研究员"]');
    await liu.getByText('任职于作者所在单位“晋工机械”').waitFor();
    expect(await liu.getAttribute('data-conflict')).toBe('true');
    expect(await liu.locator('input[type="checkbox"]').isDisabled()).toBe(true);

    const chen = editor.locator('[data-testid="candidate-row"][data-name="陈教授"]');
    await chen.getByText('无利益冲突').waitFor();
    await chen.locator('input[type="checkbox"]').check();
    await editor.getByTestId('assign-submit').click();
    await editor.getByTestId('round-1').getByTestId('review-reviewer').filter({ hasText: '陈教授' }).waitFor();
    await editor.screenshot({ path: screenshotPath('think-tank-assign'), fullPage: true, animations: 'disabled' });
  });

  it('lets the expert accept, save a draft and submit a review with the rubric', async () => {
    await acceptAndOpen(expert, 1);
    await expert.getByTestId('review-report').getByText(TITLE).waitFor();
    await clickRadio(expert, 'score-evidence-3');
    await expert.getByTestId('review-comments-input').fill('草稿');
    await expert.getByTestId('review-save').click();
    await writeReview(expert, 3, 'major_revision', COMMENTS_1, CONFIDENTIAL);
    await expert.getByTestId('review-others').waitFor();
  });

  it('lets the editor read the named review with its confidential comments and ask for a major revision', async () => {
    await decide(editor, reportPath, '大修', LETTER_1, 1, 'major_revision');
    await editor.getByTestId('round-1').getByTestId('review-confidential').getByText(CONFIDENTIAL).waitFor();
    await waitForStatus(editor, 'revision_requested');
  });

  it('shows the author the letter and the anonymous review, requires a response with the revision, and submits it', async () => {
    await author.goto(reportPath);
    await waitForStatus(author, 'revision_requested');
    const round = author.getByTestId('round-1');
    await round.getByTestId('decision-letter').getByText(LETTER_1).waitFor();
    await round.getByTestId('review-comments').getByText(COMMENTS_1).waitFor();
    expect((await round.getByTestId('review-reviewer').textContent())?.trim()).toBe('评审人 1');
    expect(await round.textContent()).not.toContain('陈教授');
    expect(await round.textContent()).not.toContain(CONFIDENTIAL);

    // Without a response the revision is refused, and the reason sits next to the response field.
    await uploadInput(author).setInputFiles({
      name: '协同创新调研报告-修改稿.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await author.getByTestId('version-upload-panel').getByText('修改稿须附上对评审意见的答复').waitFor();
    await author.getByTestId('version-response-input').fill(RESPONSE);
    await uploadInput(author).setInputFiles({
      name: '协同创新调研报告-修改稿.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await author.locator('[data-testid="report-version"][data-version="2"]').getByText(RESPONSE).waitFor();
    await author.getByTestId('report-submit').click();
    await waitForStatus(author, 'under_review');
  });

  it('lets the editor send round two to the same reviewers', async () => {
    await editor.goto(reportPath);
    await waitForStatus(editor, 'under_review');
    await editor.getByTestId('assign-same').click();
    await editor.getByTestId('round-2').getByTestId('review-reviewer').filter({ hasText: '陈教授' }).waitFor();
  });

  it('shows the expert an invitation past its reply-by time as expired, with nothing to accept or decline', async () => {
    const lapse = (respondBy: string) =>
      harness.app.db.admin.query(
        `UPDATE review_assignments a SET respond_by = $2 FROM review_rounds r, research_reports p
          WHERE r.id = a.round_id AND p.id = a.report_id AND p.title = $1 AND r.number = 2 AND a.status = 'invited'
          RETURNING (SELECT respond_by FROM review_assignments WHERE id = a.id) AS before`,
        [TITLE, respondBy],
      );
    const { rows } = await lapse(new Date(Date.now() - 3_600_000).toISOString());
    expect(rows).toHaveLength(1);
    try {
      await expert.goto('/think-tank/reviews');
      const invitation = expert
        .getByTestId('queue-invitations')
        .locator(`[data-testid="assignment-row"][data-title="${TITLE}"][data-round="2"]`);
      await invitation.getByTestId('invitation-expired').waitFor();
      expect(await invitation.getByTestId('invitation-accept').count()).toBe(0);
    } finally {
      await lapse(rows[0].before.toISOString());
    }
  });

  it('lets the expert review the revision, seeing the response to the reviewers', async () => {
    await acceptAndOpen(expert, 2);
    await expert.getByTestId('review-author-response').getByText(RESPONSE).waitFor();
    await writeReview(expert, 5, 'accept', '修改稿已补充融资数据，结论可信，建议录用。');
  });

  it('lets the editor accept the report, which the author then sees', async () => {
    await decide(editor, reportPath, '录用', LETTER_2, 2, 'accept');
    await waitForStatus(editor, 'accepted');
    await editor.getByTestId('recommendations').waitFor();
    await editor.screenshot({ path: screenshotPath('think-tank-accepted'), fullPage: true, animations: 'disabled' });

    await author.goto(reportPath);
    await waitForStatus(author, 'accepted');
    await author.getByTestId('round-2').getByTestId('decision-letter').getByText(LETTER_2).waitFor();

    const { rows } = await harness.app.db.admin.query(
      `SELECT r.number, r.decision FROM review_rounds r JOIN research_reports p ON p.id = r.report_id WHERE p.title = $1 ORDER BY r.number`,
      [TITLE],
    );
    expect(rows).toEqual([
      { number: 1, decision: 'major_revision' },
      { number: 2, decision: 'accept' },
    ]);
  });

  it.each([
    { name: 'desktop', viewport: { width: 1440, height: 900 }, isMobile: false },
    { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
  ])(
    'lays out the library titles in lines, not one character per line ($name)',
    async ({ name, viewport, isMobile }) => {
      const { context, page, errors } = await watchedPage(harness, { viewport, isMobile });
      try {
        await login(page, 'official@anhai.demo');
        await page.goto('/think-tank/library');
        const titles = page.getByTestId('library-entry-title');
        await titles.first().waitFor();
        for (const title of await titles.all()) {
          const box = (await title.boundingBox())!;
          // A title takes at most three lines (of about 24 px) and is wider than tall; squeezed, it was one glyph wide.
          expect({ title: await title.innerText(), oneToThreeLines: box.height > 0 && box.height <= 80 }).toMatchObject(
            { oneToThreeLines: true },
          );
          expect(box.width).toBeGreaterThan(box.height);
        }
        await page.screenshot({
          path: screenshotPath(`think-tank-library-${name}`),
          fullPage: true,
          animations: 'disabled',
        });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('threw no uncaught errors in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
