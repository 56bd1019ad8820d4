import { describe, expect, it } from 'vitest';
import {
  divisionName,
  divisionPath,
  type DivisionOption,
  divisionTree,
  isKnownDivision,
} from '../../shared/register/divisions';
import { residentIdCheckChar, validateDivisionCode, validateResidentId } from '../../shared/register/identity';

const childrenOf = (nodes: readonly DivisionOption[] | undefined, value: string) =>
  nodes?.find((node) => node.value === value)?.children;

describe('administrative divisions 行政区划 (GB/T 2260)', () => {
  it("the picker goes province → city → county, with Yangquan's five county-level divisions", () => {
    expect(divisionTree).toHaveLength(34);
    const yangquan = childrenOf(childrenOf(divisionTree, '140000'), '140300');
    expect(yangquan?.map((node) => `${node.value} ${node.label}`)).toEqual([
      '140302 城区',
      '140303 矿区',
      '140311 郊区',
      '140321 平定县',
      '140322 盂县',
    ]);
  });

  it('a municipality lists its districts directly; a city without counties is itself a choice', () => {
    expect(childrenOf(divisionTree, '110000')?.[0]).toEqual({ value: '110101', label: '东城区' });
    expect(childrenOf(divisionTree, '440000')?.find((city) => city.value === '441900')).toEqual({
      value: '441900',
      label: '东莞市',
    });
  });

  it('市辖区 groupings are known but not offered in the picker', () => {
    const yangquan = childrenOf(childrenOf(divisionTree, '140000'), '140300') ?? [];
    expect(yangquan.some((node) => node.label === '市辖区')).toBe(false);
    expect(isKnownDivision('140301')).toBe(true);
    expect(divisionName('140301')).toBe('山西省阳泉市市辖区');
  });

  it('names a place as an address starts, leaving out 省直辖 groupings', () => {
    expect(divisionName('140302')).toBe('山西省阳泉市城区');
    expect(divisionName('140322')).toBe('山西省阳泉市盂县');
    expect(divisionName('110101')).toBe('北京市东城区');
    expect(divisionName('419001')).toBe('河南省济源市');
    expect(childrenOf(divisionTree, '420000')?.find((city) => city.value === '429000')?.label).toBe(
      '省直辖县级行政区划',
    );
    expect(divisionName('999999')).toBeUndefined();
  });

  it('gives the path of codes the picker selects', () => {
    expect(divisionPath('140302')).toEqual(['140000', '140300', '140302']);
    expect(divisionPath('110101')).toEqual(['110000', '110101']);
    expect(divisionPath('140000')).toEqual(['140000']);
    expect(divisionPath('140399')).toEqual([]);
  });

  it('REG-1 a place code must be in the current table, with a message that says what to do', () => {
    expect(validateDivisionCode('140302', '出生地')).toEqual({ ok: true, value: '140302' });
    expect(validateDivisionCode('１４０３２２', '籍贯')).toEqual({ ok: true, value: '140322' });
    // 长治市城区 140402 became 潞州区 140403 in 2019.
    expect(validateDivisionCode('140402', '户口所在地')).toEqual({
      ok: false,
      message: '户口所在地代码「140402」不在现行行政区划代码表中；如是已撤销或更名的旧区划，请从列表中选择现在的区县',
    });
  });

  it('ID numbers keep the withdrawn division code of first issue and stay valid', () => {
    const first17 = '14040220100301013';
    const idNumber = `${first17}${residentIdCheckChar(first17)}`;
    expect(validateResidentId(idNumber, new Date('2026-09-01T10:00:00+08:00'))).toMatchObject({
      ok: true,
      divisionCode: '140402',
    });
  });
});
