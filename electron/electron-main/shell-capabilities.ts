/** What the Electron shell offers the core: a folder dialog for exports, and quitting the app. */
import { app, dialog, type BrowserWindow } from 'electron';
import type { ShellCapabilities } from '../node-core/shell.js';

export function electronShell(window: () => BrowserWindow | null): ShellCapabilities {
  return {
    async chooseExportFolder() {
      const options: Electron.OpenDialogOptions = {
        title: 'Save the export to…',
        buttonLabel: 'Save here',
        // Removable drives show under the OS's own places (Linux /media, /run/media; Windows drive letters).
        properties: ['openDirectory', 'createDirectory'],
      };
      const owner = window();
      const { canceled, filePaths } = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return canceled ? null : (filePaths[0] ?? null);
    },
    servesDownloads: false,
    quit: () => app.quit(),
  };
}
