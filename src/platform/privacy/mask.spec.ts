import { maskIdNumber, maskPhone } from './mask';

describe('masking personal numbers in lists', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13905950002')).toBe('139****0002');
    expect(maskPhone('0595-85701001')).toBe('059****1001');
    expect(maskPhone('110')).toBe('110');
    expect(maskPhone(null)).toBeNull();
  });

  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('35058219800101123X')).toBe('3505**********123X');
  });
});
