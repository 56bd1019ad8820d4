/** 基本信息变更 items (rules DAT-1, DAT-2): which fields change, and the checks at request and at approval. */
import { describe, expect, it } from 'vitest';
import {
  changeItemRefusals,
  fieldValue,
  itemValidationRefusals,
  pendingItemRefusals,
  recordedItems,
  staleItemRefusals,
  withItems,
} from '../../shared/changes/changeItems';
import type { StudentBasics } from '../../shared/register/studentValidation';

const current = {
  name: '李思涵',
  sex: '2',
  birthDate: '2019-03-01',
  idType: '1',
  idNumber: '14030220190301112X',
  phone: '13812345678',
  familyMembers: [],
} as unknown as StudentBasics;

const applied = (items: { field: string; after: string }[]) => withItems(current, items);

describe('DAT-1 change items at request', () => {
  it('DAT-1 puts each item in, trimmed, and records the value it had', () => {
    const items = [{ field: 'name', after: ' 李诗涵 ' }];
    expect(applied(items).name).toBe('李诗涵');
    expect(recordedItems(current, applied(items), items)).toEqual([
      { field: 'name', label: '姓名', before: '李思涵', after: '李诗涵' },
    ]);
    expect(fieldValue(current, 'formerName')).toBe('');
  });

  it('DAT-1 accepts a real change of a top-level field', () => {
    const items = [{ field: 'phone', after: '13912345678' }];
    expect(changeItemRefusals(items, current, applied(items))).toEqual([]);
  });

  it('DAT-1 refuses an item that changes nothing, naming the value', () => {
    const items = [{ field: 'name', after: '李思涵 ' }];
    expect(changeItemRefusals(items, current, applied(items))).toEqual([
      { rule: 'DAT-1', message: expect.stringContaining('变更项目“姓名”变更后与现在相同（“李思涵”）') },
    ]);
  });

  it('DAT-1 refuses a field twice, an unknown field and the family members', () => {
    const items = [
      { field: 'phone', after: '13912345678' },
      { field: 'phone', after: '13912345679' },
      { field: 'shoeSize', after: '38' },
      { field: 'familyMembers', after: '' },
    ];
    const messages = changeItemRefusals(items, current, applied(items)).map((refusal) => refusal.message);
    expect(messages).toEqual([
      expect.stringContaining('变更项目“联系电话”填了两次'),
      expect.stringContaining('「shoeSize」不是可以变更的基本信息项目'),
      expect.stringContaining('家庭成员的信息不通过变更申请修改'),
    ]);
  });

  it('VOC-5 a major changes through 转专业, never through a change request', () => {
    const items = [{ field: 'majorCode', after: '710201' }];
    expect(changeItemRefusals(items, current, applied(items))).toEqual([
      { rule: 'VOC-5', message: expect.stringContaining('请办理转专业') },
    ]);
    expect(applied(items).majorCode).toBeUndefined();
  });

  it('DAT-1 names the item whose new value breaks a national rule, and a problem it causes elsewhere', () => {
    const refusals = itemValidationRefusals(
      { idValidUntil: '已过期' },
      { name: '姓名中不能有「1」', birthDate: '出生日期与身份证号不一致', idValidUntil: '已过期' },
      [
        { field: 'name', after: '李1' },
        { field: 'idNumber', after: '140302201903021128' },
      ],
    );
    expect(refusals.map((refusal) => refusal.message)).toEqual([
      '变更项目“姓名”：姓名中不能有「1」（规则 DAT-1）。请按证件或证明材料上的内容填写。',
      '变更后出生日期与其他信息不符：出生日期与身份证号不一致（规则 DAT-1）。请一并变更相关项目，或核对变更内容。',
    ]);
  });

  it('DAT-1 two open requests may not change the same field: the refusal names the other request', () => {
    const refusals = pendingItemRefusals(
      [{ field: 'name', after: '李诗涵' }],
      [
        { caseId: 12, field: 'name' },
        { caseId: 12, field: 'phone' },
      ],
    );
    expect(refusals).toEqual([{ rule: 'DAT-1', message: expect.stringContaining('事项 #12 正在变更“姓名”') }]);
  });
});

describe('DAT-1 change items at approval', () => {
  const items = [{ field: 'name', label: '姓名', before: '李思涵', after: '李诗涵' }];

  it('DAT-1 takes effect while the field has the value recorded with the request', () => {
    expect(staleItemRefusals(items, (field) => fieldValue(current, field))).toEqual([]);
  });

  it('DAT-1 does not apply twice, nor over a change made in between', () => {
    const changed = { ...current, name: '李诗涵' };
    expect(staleItemRefusals(items, (field) => fieldValue(changed, field))).toEqual([
      { rule: 'DAT-1', message: expect.stringContaining('“姓名”已从申请时的“李思涵”变为“李诗涵”，本事项不能生效') },
    ]);
  });
});
