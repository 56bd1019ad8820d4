/**
 * The system's folder dialog for core (backups, exports for bureau review):
 * the only way a path reaches core, so the renderer never types one.
 */
import { type BrowserWindow, dialog } from 'electron';
import { type FolderPurpose, folderPurposes } from '../../shared/exchange/folders';

export async function chooseFolder(window: BrowserWindow | null, purpose: FolderPurpose): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: folderPurposes[purpose],
    buttonLabel: '选择此文件夹',
    properties: ['openDirectory', 'createDirectory'],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
