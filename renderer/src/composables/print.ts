/**
 * Printing a sheet made for paper (a form's pages, FormPreviewDialog): the browser's
 * print, with the print stylesheet in styles/app.css keeping only the
 * `body > .print-sheet` element on the page.
 */
export function printSheet(): void {
  window.print();
}
