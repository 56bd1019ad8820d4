import { describe, expect, it } from 'vitest';
import { movementTypes, studentStatuses, type StudentStatus } from '../../shared/register/codes';
import type { Transition } from '../../shared/changes/cases';
import { canMove, inEnrolledPool, startStatuses, statusAfter } from '../../shared/changes/statusMachine';

const primary = { type: '211' };
const complete = { type: '341' }; // 完全中学: grades 7-12
const vocational = { type: '360' };

const departed: StudentStatus[] = studentStatuses
  .map((entry) => entry.code)
  .filter((status) => status !== 'enrolled' && status !== 'suspended');

describe('status machine (学籍状态)', () => {
  it.each([
    ['transferOut', 'transferredOut'],
    ['suspension', 'suspended'],
    ['dropout', 'droppedOut'],
    ['death', 'deceased'],
    ['goingAbroad', 'abroad'],
  ] as const)('%s takes an enrolled student to %s', (movement, target) => {
    expect(canMove({ status: 'enrolled', grade: 11 }, movement, complete)).toBeNull();
    expect(statusAfter(movement, 'enrolled')).toBe(target);
  });

  it.each(['repeatGrade', 'classChange', 'promotion'] as const)('%s keeps the student enrolled', (movement) => {
    expect(canMove({ status: 'enrolled', grade: 8 }, movement, complete)).toBeNull();
    expect(statusAfter(movement, 'enrolled')).toBe('enrolled');
  });

  it('covers every movement type of the code list, plus graduation', () => {
    for (const { code } of movementTypes) expect(startStatuses(code).length).toBeGreaterThan(0);
    expect(startStatuses('graduation')).toEqual(['enrolled']);
  });

  it('GRD-1 graduation leads to the outcome the school chose: 毕业, 结业 or 肄业', () => {
    expect(statusAfter('graduation', 'enrolled', 'graduated')).toBe('graduated');
    expect(statusAfter('graduation', 'enrolled', 'completed')).toBe('completed');
    expect(statusAfter('graduation', 'enrolled', 'incomplete')).toBe('incomplete');
    expect(() => statusAfter('graduation', 'enrolled')).toThrow();
  });

  it('CHG-3 a suspended student stays in the enrolled pool; students who left do not', () => {
    expect(inEnrolledPool('enrolled')).toBe(true);
    expect(inEnrolledPool('suspended')).toBe(true);
    for (const status of departed) expect(inEnrolledPool(status)).toBe(false);
  });

  it('CHG-2 resumption takes a suspended student back to enrolled; an enrolled one cannot resume', () => {
    expect(canMove({ status: 'suspended', grade: 4 }, 'resumption', primary)).toBeNull();
    expect(statusAfter('resumption', 'suspended')).toBe('enrolled');
    const refusal = canMove({ status: 'enrolled', grade: 4 }, 'resumption', primary);
    expect(refusal?.rule).toBe('CHG-2');
    expect(refusal?.message).toContain('没有休学');
  });

  it('CHG-2 a suspended student may extend the suspension, die, go abroad, or (senior) drop out', () => {
    for (const movement of ['suspension', 'death', 'goingAbroad', 'dropout'] as const) {
      expect(canMove({ status: 'suspended', grade: 11 }, movement, complete)).toBeNull();
    }
    expect(statusAfter('suspension', 'suspended')).toBe('suspended');
  });

  it('CHG-3 a suspended student must resume before a transfer, 转专业 or graduation', () => {
    for (const movement of ['transferOut', 'graduation'] as const) {
      const refusal = canMove({ status: 'suspended', grade: 9 }, movement, complete);
      expect(refusal?.rule).toBe('CHG-3');
      expect(refusal?.message).toContain('请先办理复学');
    }
    expect(canMove({ status: 'suspended', grade: 11 }, 'changeMajor', vocational)?.message).toContain('请先办理复学');
  });

  it('CHG-4 a suspended student goes down a grade by resuming, not by 留级', () => {
    const refusal = canMove({ status: 'suspended', grade: 8 }, 'repeatGrade', complete);
    expect(refusal?.rule).toBe('CHG-4');
    expect(refusal?.message).toContain('复学时可以选择回到原年级或降到低年级');
  });

  it('CHG-2 refuses a dropout in compulsory education (primary and junior), allows it in senior and vocational', () => {
    for (const grade of [3, 8]) {
      const refusal = canMove({ status: 'enrolled', grade }, 'dropout', complete);
      expect(refusal?.rule).toBe('CHG-2');
      expect(refusal?.message).toContain('义务教育阶段');
      expect(refusal?.message).toContain('规则 CHG-2');
    }
    expect(canMove({ status: 'enrolled', grade: 10 }, 'dropout', complete)).toBeNull();
    expect(canMove({ status: 'enrolled', grade: 10 }, 'dropout', vocational)).toBeNull();
  });

  it('VOC-3 转专业 and 注销 are for vocational schools only, and the refusal says how to fix a wrong school type', () => {
    expect(canMove({ status: 'enrolled', grade: 11 }, 'changeMajor', vocational)).toBeNull();
    expect(canMove({ status: 'suspended', grade: 11 }, 'cancellation', vocational)).toBeNull();
    expect(statusAfter('cancellation', 'enrolled')).toBe('cancelled');
    const refusal = canMove({ status: 'enrolled', grade: 11 }, 'changeMajor', complete);
    expect(refusal?.rule).toBe('VOC-3');
    expect(refusal?.message).toContain('学校类型设为中等职业学校');
  });

  it('VOC-3 a vocational school can record every change VOC-3 lists', () => {
    const listed: [StudentStatus | null, Transition][] = [
      [null, 'transferIn'],
      ['enrolled', 'transferOut'],
      ['enrolled', 'repeatGrade'],
      ['enrolled', 'suspension'],
      ['enrolled', 'dropout'],
      ['enrolled', 'cancellation'],
      ['suspended', 'resumption'],
      ['enrolled', 'death'],
    ];
    for (const [status, movement] of listed) expect(canMove({ status, grade: 10 }, movement, vocational)).toBeNull();
  });

  it('OPS-2 refuses every case for a student who has left, except a transfer back in', () => {
    const movements = movementTypes.map((entry) => entry.code).filter((code) => code !== 'transferIn');
    for (const status of departed) {
      for (const movement of movements) {
        const refusal = canMove({ status, grade: 8 }, movement, vocational);
        expect(refusal?.rule, `${status} ${movement}`).toBe('OPS-2');
      }
    }
    expect(canMove({ status: 'graduated', grade: 9 }, 'suspension', complete)?.message).toContain(
      '不得修改已离校学生的学籍供他人使用',
    );
  });

  it('OPS-2 籍随人走: a student who transferred out or went abroad comes back on the same record', () => {
    expect(canMove({ status: 'transferredOut', grade: 8 }, 'suspension', complete)?.message).toContain(
      '请为其办理转入',
    );
    for (const status of ['transferredOut', 'abroad', null] as const) {
      expect(canMove({ status, grade: 8 }, 'transferIn', complete)).toBeNull();
    }
    expect(statusAfter('transferIn', 'transferredOut')).toBe('enrolled');
    expect(canMove({ status: 'deceased', grade: 8 }, 'transferIn', complete)?.rule).toBe('OPS-2');
    expect(canMove({ status: 'graduated', grade: 9 }, 'transferIn', complete)?.rule).toBe('OPS-2');
  });

  it('OPS-2 一人一籍: a student already at the school cannot transfer in again', () => {
    const refusal = canMove({ status: 'enrolled', grade: 8 }, 'transferIn', complete);
    expect(refusal?.rule).toBe('OPS-2');
    expect(refusal?.message).toContain('一人一籍');
  });

  it('OPS-2 a student without a record here can only transfer in', () => {
    expect(canMove({ status: null, grade: 8 }, 'suspension', complete)?.message).toContain('新来的学生请办理转入');
  });
});
