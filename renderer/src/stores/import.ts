/**
 * 导入学生: the chosen file (read here, its size checked before it is sent),
 * where its rows go, the last check's report and the import's result. A new
 * file or class choice drops the report: 确认导入 is offered only for the
 * file and choice that were checked.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import {
  importFileSizeProblem,
  type ImportReport,
  type ImportResult,
  type ImportUpload,
} from '../../../shared/exchange/studentImport';
import { api, failureOf } from '../api';
import { readAsDataUrl } from '../composables/picture';
import { useClassesStore } from './classes';

export interface ChosenFile {
  readonly fileName: string;
  readonly size: number;
  readonly base64: string;
}

/** Where the rows go: by the file's 年级 and 班级 columns, or all to one class chosen on the screen. */
export type ClassMode = 'columns' | 'class';

/** What the screen is waiting for. */
export type ImportStage = 'reading' | 'checking' | 'importing';

export const useImportStore = defineStore('import', () => {
  /** The file read from disk; null until one is chosen. */
  const file = shallowRef<ChosenFile | null>(null);
  const classMode = ref<ClassMode>('columns');
  /** The class every row goes to in `class` mode; null until chosen. */
  const classId = ref<number | null>(null);
  /** The check of this file and class choice; null until checked. */
  const report = shallowRef<ImportReport | null>(null);
  /** The last import done. */
  const result = shallowRef<ImportResult | null>(null);
  /** Why the chosen file was not read, said before anything is sent. */
  const refusal = ref('');
  /** Core's refusal of the last check or import. */
  const failure = shallowRef<ApiFailure | null>(null);
  const stage = ref<ImportStage | null>(null);

  /** A file is read and, in `class` mode, the class chosen. */
  const ready = computed(() => file.value !== null && (classMode.value === 'columns' || classId.value !== null));

  const upload = (chosen: ChosenFile): ImportUpload => ({
    fileName: chosen.fileName,
    base64: chosen.base64,
    classId: classMode.value === 'class' ? classId.value : null,
  });

  /** Reads the chosen file unless it is too large (a 1 GB file is never read). */
  async function choose(chosen: File): Promise<void> {
    file.value = null;
    report.value = null;
    failure.value = null;
    result.value = null;
    refusal.value = importFileSizeProblem(chosen.name, chosen.size) ?? '';
    if (refusal.value) return;
    stage.value = 'reading';
    try {
      const url = await readAsDataUrl(chosen);
      file.value = { fileName: chosen.name, size: chosen.size, base64: url.slice(url.indexOf(',') + 1) };
    } catch {
      refusal.value = `无法读取“${chosen.name}”，文件可能已损坏或正被其他程序（如 Excel）占用，请关闭后重新选择。`;
    } finally {
      stage.value = null;
    }
  }

  /** Another way to place the rows, or another class: the report no longer applies. */
  function place(mode: ClassMode, id: number | null): void {
    if (mode === classMode.value && id === classId.value) return;
    classMode.value = mode;
    classId.value = id;
    report.value = null;
    failure.value = null;
  }

  /** 检查（不保存）: the report of every row; nothing is saved. */
  async function check(): Promise<void> {
    if (!file.value || !ready.value) return;
    stage.value = 'checking';
    failure.value = null;
    result.value = null;
    try {
      report.value = await api.dryRunImport(upload(file.value));
    } catch (caught) {
      report.value = null;
      failure.value = failureOf(caught);
    } finally {
      stage.value = null;
    }
  }

  /** 确认导入 of the checked file; afterwards the file is let go, so it cannot be imported twice. */
  async function commit(): Promise<void> {
    if (!file.value || !report.value) return;
    stage.value = 'importing';
    failure.value = null;
    try {
      result.value = await api.commitImport(upload(file.value));
      file.value = null;
      report.value = null;
      const classes = useClassesStore();
      if (classes.loaded) void classes.load();
    } catch (caught) {
      failure.value = failureOf(caught);
    } finally {
      stage.value = null;
    }
  }

  /** Forgets everything of the previous account. */
  function clear(): void {
    file.value = null;
    classMode.value = 'columns';
    classId.value = null;
    report.value = null;
    result.value = null;
    refusal.value = '';
    failure.value = null;
  }

  return {
    file,
    classMode,
    classId,
    ready,
    report,
    result,
    refusal,
    failure,
    stage,
    choose,
    place,
    check,
    commit,
    clear,
  };
});
