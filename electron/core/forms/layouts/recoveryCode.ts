/**
 * 恢复码保管单, printed once at setup (DESIGN.md §3: the recovery code opens
 * the key slot that decrypts the register when every administrator has
 * forgotten the password): the school, the administrator, the code set
 * large and spaced for copying by hand, and how to keep it. It carries no
 * other secret.
 */
import type { Content } from 'pdfmake/interfaces';
import type { FormLayout, RecoveryCodeData } from '../formData';
import { formFonts } from '../formData';
import { fieldRows, grid } from './cells';
import { formDocument, formTitle } from './frame';
import { handDate, signature } from './handwriting';

/** Groups of five a line: a 30-character code in six groups reads as two lines of three. */
const groupsPerLine = 3;

/** `AAAAA-BBBBB-CCCCC-DDDDD-…` as lines that break between groups, each line but the last ending in “-”. */
function codeLines(code: string): string[] {
  const groups = code.split('-');
  return Array.from({ length: Math.ceil(groups.length / groupsPerLine) }, (_, line) => {
    const part = groups.slice(line * groupsPerLine, (line + 1) * groupsPerLine).join('-');
    return (line + 1) * groupsPerLine < groups.length ? `${part}-` : part;
  });
}

function codeBox(code: string): Content {
  return grid({
    widths: ['*'],
    body: [
      [
        {
          stack: [
            { text: '恢复码', style: 'label', alignment: 'center', margin: [0, 0, 0, 6] },
            ...codeLines(code).map((line) => ({
              text: line,
              font: formFonts.label,
              bold: true,
              fontSize: 24,
              characterSpacing: 4,
              alignment: 'center' as const,
              margin: [0, 2, 0, 2] as [number, number, number, number],
            })),
          ],
          margin: [0, 10, 0, 10],
        },
      ],
    ],
  });
}

const heading = (text: string): Content => ({ text, style: 'label', bold: true, fontSize: 12, margin: [0, 14, 0, 4] });

export const recoveryCode: FormLayout<RecoveryCodeData> = (data, frame) =>
  formDocument(frame, {
    content: [
      formTitle(frame),
      grid({
        widths: [90, '*', 90, '*'],
        body: fieldRows(
          [
            { label: '学校名称', value: data.school.name, span: 2 },
            { label: '学校标识码', value: data.school.code },
            { label: '管理员', value: data.administrator },
            { label: '生成时间', value: frame.generatedAt, span: 2 },
          ],
          2,
        ),
      }),
      { text: '', margin: [0, 8, 0, 0] },
      codeBox(data.recoveryCode),
      {
        text: '恢复码里没有字母 I、L、O、U：圆形的是数字 0，竖线是数字 1；输入时可不输“-”。',
        style: 'note',
        alignment: 'center',
        margin: [0, 4, 0, 0],
      },
      heading('用途'),
      {
        text: '所有管理员都忘记密码时，用此恢复码打开本校学籍工作台中的学籍数据。恢复码只在安装时显示一次，软件不保存它的副本，遗失后无法补发。',
        lineHeight: 1.3,
      },
      heading('保管要求'),
      {
        ol: [
          '存放在学校保险柜或上锁的档案柜中，与安装学籍工作台的电脑分开保管。',
          '不得拍照、复印后随意放置，不得保存在电脑、手机或网盘中，不得与账号密码放在一起。',
          '拿到恢复码的人可以查看全部学生信息（学籍数据属于敏感个人信息）；如怀疑泄露，请立即报告学校负责人。',
          '保管人变更时，应当面移交本单，并在下方签字登记。',
        ],
        lineHeight: 1.3,
      },
      {
        margin: [0, 28, 0, 0],
        columns: [...signature('移交人（管理员）签字', 90), { text: handDate, width: '*', alignment: 'right' }],
      },
      {
        margin: [0, 18, 0, 0],
        columns: [...signature('保管人签字', 90), { text: handDate, width: '*', alignment: 'right' }],
      },
    ],
  });
