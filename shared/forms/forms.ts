/**
 * Printable forms (DOMAIN.md "Forms", DESIGN.md §6) as they cross the
 * contract: which form, for what, and the PDF that comes back with the
 * number and verification code printed on it (and written to the access
 * log, so a paper form can be matched to the log). Core lays the forms out
 * and renders them with pdfmake; the renderer previews, saves and prints.
 */
import type { CodeList, CodeOf } from '../register/codes';
import type { UploadedFile } from '../register/photos';

export const formKinds = [
  { code: 'basicInfoChange', label: '阳泉市中小学生基本信息变更申请表' },
  { code: 'transferContact', label: '阳泉市中小学转学联系表' },
  { code: 'suspensionResumption', label: '山西省中小学生休学、复学申请表' },
  { code: 'movementApproval', label: '学籍异动审批表' },
  { code: 'studentCard', label: '学籍卡' },
  { code: 'classRoster', label: '花名册' },
  { code: 'graduateRegistration', label: '毕业生信息登记表' },
  { code: 'recoveryCode', label: '恢复码保管单' },
  // 自查报告 (self-inspection, INS-1)
  { code: 'selfInspection', label: '学籍管理工作自查报告' },
] as const satisfies CodeList;

export type FormKind = CodeOf<typeof formKinds>;

/** What to print. A case prints the form its kind needs (`formFor` in shared/changes/evidence.ts). */
export type FormRequest =
  | { readonly form: 'case'; readonly caseId: number }
  /** One student's card, or every 在读/休学 student's of a class, one page each. */
  | { readonly form: 'studentCard'; readonly studentId: number }
  | { readonly form: 'classStudentCards'; readonly classId: number }
  | { readonly form: 'classRoster'; readonly classId: number }
  /** 中职 graduates only (VOC-2). */
  | { readonly form: 'graduateRegistration'; readonly studentId: number }
  /** 学籍管理工作自查报告 of the school as of now (INS-1); administrators and clerks only. */
  | { readonly form: 'selfInspection' };

/** A generated PDF. */
export interface FormDocument {
  readonly form: FormKind;
  /** 《…》 title, for the preview's heading. */
  readonly title: string;
  /** e.g. `学籍卡_高一（1）班_王晓雨.pdf`; never a path. */
  readonly fileName: string;
  readonly base64: string;
  /** 表格编号 学校标识码-年份-序号, e.g. `1114000001-2026-000123`. */
  readonly formNumber: string;
  /** 校验码: the start of the SHA-256 of the form's data, e.g. `3F9A-1C2B`; also in the access log. */
  readonly verificationCode: string;
  readonly pages: number;
}

/** What the clerk did with a generated form, for the access log. */
export type FormOutput = 'print' | 'save';

/** The fonts forms are set in, and the administrator's fallback for rare characters (生僻字). */
export interface FormFonts {
  /** Family names of the bundled fonts, e.g. Noto Serif SC, Noto Sans SC. */
  readonly bundled: readonly string[];
  /** The fallback font the administrator added, or null. */
  readonly fallback: {
    readonly fileName: string;
    readonly familyName: string;
    /** How many characters it covers. */
    readonly glyphCount: number;
    readonly addedAt: string;
    readonly addedBy: string;
  } | null;
}

/** A TrueType/OpenType font file (.ttf, .otf) the administrator chose; at most 64 MB. */
export type FontUpload = UploadedFile;

export const fontUploadMaxBytes = 64 * 1024 * 1024;
