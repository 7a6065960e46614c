import { login, startBrowserHarness, type BrowserHarness } from './support';

/**
 * 评审细则: officials name the criteria and never type a key. A new criterion gets a generated
 * key; the criteria saved before keep theirs, which reviews already score by.
 */
describe('rubric editor (browser)', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('asks only for names, keeps existing keys and generates one for a new criterion', async () => {
    const page = await harness.newPage();
    await login(page, 'official@anhai.demo');
    await page.goto('/think-tank/rubrics');
    const form = page.getByTestId('rubric-form');
    const criteria = form.getByTestId('rubric-criterion');
    await criteria.first().waitFor();
    const before = await criteria.count();
    // Nothing on the form asks for a key.
    expect(await form.getByText('标识', { exact: true }).count()).toBe(0);
    expect(await form.locator('input:visible').count()).toBe(before * 3); // name, description, max score

    const alliance = (await page.getByTestId('rubric-alliance').innerText()).trim();
    const keysOf = async () =>
      (
        await harness.app.db.admin.query<{ key: string; label: string }>(
          `SELECT c.key, c.label FROM review_criteria c JOIN alliances a ON a.id = c.alliance_id WHERE a.name = $1 ORDER BY c.position`,
          [alliance],
        )
      ).rows;
    const stored = await keysOf();
    // An alliance without its own rubric shows the default one.
    const keysBefore = stored.length ? stored.map((row) => row.key) : ['evidence', 'feasibility', 'impact'];
    expect(keysBefore).toHaveLength(before);

    await page.getByRole('button', { name: '新增指标' }).click();
    await criteria.nth(before).locator('input').nth(1).fill('带动就业');
    await page.getByTestId('rubric-save').click();
    await page.getByText('已保存').waitFor();

    const rows = await keysOf();
    expect(rows.map((row) => row.key)).toEqual([...keysBefore, 'c1']);
    expect(rows.at(-1)).toEqual({ key: 'c1', label: '带动就业' });
    await page.context().close();
  });
});
