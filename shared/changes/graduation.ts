/**
 * 毕业 (rules GRD-1, GRD-2): the school starts it for students of a
 * graduating grade; each graduate needs a 学习简历 and a 毕业评语 by 30 June;
 * a student with an open case cannot graduate (movementRules.ts). Approval
 * steps are in approvals.ts.
 */
import { gradeLabel } from '../register/students';
import type { Refusal } from './cases';
import { isGraduatingGrade } from './stages';

export interface GraduateFacts {
  readonly grade: number;
  /** 学习简历 recorded. */
  readonly hasStudyHistory: boolean;
  /** 毕业评语 recorded. */
  readonly hasGraduationComment: boolean;
}

/** GRD-1 and GRD-2 refusals of one student's graduation; empty when the student may graduate. */
export function graduationRefusals(facts: GraduateFacts): Refusal[] {
  if (!isGraduatingGrade(facts.grade)) {
    return [
      {
        rule: 'GRD-1',
        message: `${gradeLabel(facts.grade)}不是毕业年级，不能办理毕业（规则 GRD-1）。只有六年级、九年级和高三（中职三年级）的学生可以毕业。`,
      },
    ];
  }
  const missing = [...(facts.hasStudyHistory ? [] : ['学习简历']), ...(facts.hasGraduationComment ? [] : ['毕业评语'])];
  return missing.length === 0
    ? []
    : [
        {
          rule: 'GRD-2',
          message: `学生还没有${missing.join('和')}，不能办理毕业（规则 GRD-2：6 月 30 日前每名毕业生都要有学习简历和毕业评语）。请在学生档案中填写后再办理。`,
        },
      ];
}
