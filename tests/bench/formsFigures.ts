/**
 * Printed-form figures (issue 6), each against bare pdfmake rendering the same
 * document definition with the same fonts, in the same run:
 * - the basic-information change form cold: a new renderer's first form, so
 *   reading the four font files and the glyph check's fonts are counted;
 *   against pdfmake reading the font files for that one render;
 * - the same form warm: `generateForm` through core (reading the case,
 *   laying out, checking glyphs, rendering, numbering, logging), against
 *   pdfmake alone with the fonts in memory;
 * - 学籍卡 of a whole class of 50, with photos, one PDF through core.
 */
import { readFileSync } from 'node:fs';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import sharp from 'sharp';
import type { Core } from '../../electron/core/app';
import { createAttachmentStore } from '../../electron/core/attachments/attachmentStore';
import type { Sessions } from '../../electron/core/auth/session';
import type { FormFrame } from '../../electron/core/forms/formData';
import { readCaseFormData, readClassStudents, readStudentCardData } from '../../electron/core/forms/formReaders';
import { basicInfoChange, studentCard } from '../../electron/core/forms/layouts';
import { oneDocument } from '../../electron/core/forms/oneDocument';
import { bundledFontDictionary, createPdfRenderer, provideFontFile } from '../../electron/core/forms/pdfRenderer';
import { dataPaths, openStorage, type OpenStorage } from '../../electron/core/storage';
import type { FormDocument } from '../../shared/forms/forms';
import { localDate } from '../../shared/register/identity';
import { generateSchool } from '../support/schoolGenerator';
import {
  benchInstallation,
  benchSlot,
  loggedInCore,
  median,
  type Row,
  seedSchool,
  storageOptions,
  timed,
} from './benchKit';

const classSize = 50;

async function call<T>(core: Core, method: string, args: unknown[]): Promise<T> {
  const result = await core.call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

const frame: FormFrame = {
  title: '阳泉市中小学生基本信息变更申请表',
  schoolName: '基准测试学校',
  schoolCode: '1114000001',
  formNumber: '1114000001-2026-000001',
  verificationCode: '3F9A-1C2B',
  issuedOn: '2026-09-01',
  operator: '基准',
  generatedAt: '2026年9月1日 08:00',
};

/** Bare pdfmake: set the fonts, create, buffer. */
async function bareRender(definition: TDocumentDefinitions, fonts: TFontDictionary): Promise<void> {
  pdfmake.setFonts(fonts);
  await pdfmake.createPdf(definition).getBuffer();
}

/** The bundled fonts read from disk under names of their own, as pdfmake reads font files given by path. */
function fontsReadNow(run: number): TFontDictionary {
  const readNow = (file: string) => {
    const name = `bench-cold-${run}-${file}`;
    provideFontFile(name, readFileSync(file));
    return name;
  };
  return Object.fromEntries(
    Object.entries(bundledFontDictionary()).map(([family, styles]) => [
      family,
      Object.fromEntries(Object.entries(styles).map(([style, file]) => [style, readNow(file as string)])),
    ]),
  );
}

/** A class of 50 (在读) with photos, and one open basic-information change; returns the ids. */
async function seedClass(folder: string): Promise<{ classId: number; caseId: number }> {
  const school = generateSchool({ seed: 2029, studentCount: classSize });
  const storage = await openStorage(dataPaths(folder), benchSlot, storageOptions);
  const studentIds = seedSchool(storage.db, school);
  const classId = storage.db.prepare('SELECT min(id) FROM class').pluck().get() as number;
  storage.db.prepare('UPDATE student SET class_id = ?').run(classId);
  storage.db.close();

  const core = await loggedInCore(folder);
  try {
    for (const [index, studentId] of studentIds.entries()) {
      // A different light-blue photo each, as a real class has: pdfkit embeds each picture once.
      const photo = await sharp({
        create: { width: 358, height: 441, channels: 3, background: { r: 160 + (index % 60), g: 200, b: 240 } },
      })
        .jpeg()
        .toBuffer();
      await call(core, 'setStudentPhoto', [studentId, { fileName: `${index}.jpg`, base64: photo.toString('base64') }]);
    }
    const opened = await call<{ id: number }>(core, 'openCase', [
      {
        kind: 'basicInfoChange',
        appliedOn: localDate(new Date()),
        reason: '家长提出申请，户口簿已更正',
        studentId: studentIds[0],
        items: [{ field: 'phone', after: '13900000000' }],
      },
    ]);
    return { classId, caseId: opened.id };
  } finally {
    core.close();
  }
}

/** The definitions core renders, built from the same data for the bare baseline. */
async function definitions(folder: string, ids: { classId: number; caseId: number }) {
  const storage: OpenStorage = await openStorage(dataPaths(folder), benchSlot, storageOptions);
  const sessions = { require: () => ({ storage }) } as unknown as Sessions;
  const store = createAttachmentStore({ sessions, now: () => new Date(), folder: dataPaths(folder).attachments });
  try {
    const caseData = readCaseFormData(storage.db, ids.caseId, new Date());
    const cards = readClassStudents(storage.db, ids.classId).map((student) =>
      readStudentCardData(storage.db, store, student, new Date()),
    );
    return {
      changeForm: () => basicInfoChange(caseData, frame),
      classCards: () => oneDocument(cards.map((card) => studentCard(card, { ...frame, title: '学籍卡' }))),
    };
  } finally {
    storage.db.close();
  }
}

export async function formsFigures(): Promise<Row[]> {
  const folder = await benchInstallation();
  const ids = await seedClass(folder);
  const build = await definitions(folder, ids);
  const memoryFonts = bundledFontDictionary();

  let coldRun = 0;
  const cold = await median(() => timed(() => createPdfRenderer().render(build.changeForm(), null)));
  const coldBare = await median(() => timed(() => bareRender(build.changeForm(), fontsReadNow((coldRun += 1)))));

  const core = await loggedInCore(folder);
  try {
    const changeForm = { form: 'case', caseId: ids.caseId };
    for (let i = 0; i < 2; i += 1) await call(core, 'generateForm', [changeForm]);
    const warm = await median(() => timed(() => call(core, 'generateForm', [changeForm])));
    const warmBare = await median(() => timed(() => bareRender(build.changeForm(), memoryFonts)));

    let pages = 0;
    const classCards = await median(() =>
      timed(async () => {
        pages = (await call<FormDocument>(core, 'generateForm', [{ form: 'classStudentCards', classId: ids.classId }]))
          .pages;
      }),
    );
    const classCardsBare = await median(() => timed(() => bareRender(build.classCards(), memoryFonts)));
    return [
      {
        figure: 'change form, cold: new renderer (font files read, glyph check) + first render',
        goal: '≤ 800 ms',
        measured: cold,
        baseline: coldBare,
        baselineName: 'bare pdfmake, font files read for the render',
        unit: 'ms',
      },
      {
        figure: 'change form, warm: generateForm through core (read, lay out, check, render, number, log)',
        goal: '≤ 150 ms, ≤ 1.5×',
        measured: warm,
        baseline: warmBare,
        baselineName: 'bare pdfmake, same definition and fonts',
        unit: 'ms',
      },
      {
        figure: `学籍卡 of a class of ${classSize} with photos, one PDF of ${pages} pages, through core`,
        goal: '≤ 3000 ms',
        measured: classCards,
        baseline: classCardsBare,
        baselineName: 'bare pdfmake, same definition and fonts',
        unit: 'ms',
      },
    ];
  } finally {
    core.close();
  }
}
