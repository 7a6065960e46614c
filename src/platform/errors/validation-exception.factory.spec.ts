import { IsString, IsUUID, MaxLength, MinLength, validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { localizedReason } from './localized-messages';
import { toFieldProblems } from './validation-exception.factory';

class Body {
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @IsUUID()
  categoryId: string;
}

async function problems(body: object) {
  return toFieldProblems(await validate(plainToInstance(Body, body)));
}

describe('field problems', () => {
  const categoryId = '0b4f1c52-7a0e-4c1e-9a55-2f0c7f3e6a11';

  it.each([[''], [' '], [undefined]])('says a blank title (%p) is required, not how long it must be', async (title) => {
    const found = await problems({ title, categoryId });
    expect(found).toEqual([{ field: 'title', reason: 'required', args: [] }]);
    expect(localizedReason(found[0].reason, 'zh-CN')).toBe('必须填写');
    expect(localizedReason(found[0].reason, 'en')).toBe('is required');
  });

  it('keeps the length rule for a title that is too short', async () => {
    expect(await problems({ title: '修', categoryId })).toEqual([{ field: 'title', reason: 'minLength', args: [2] }]);
  });

  it('keeps the format rule for a value that is not blank', async () => {
    expect(await problems({ title: '设备维修', categoryId: 'x' })).toEqual([
      { field: 'categoryId', reason: 'isUuid', args: [] },
    ]);
  });
});
