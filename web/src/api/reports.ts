/** Where the report card (rapor) and certificate (piagam) PDFs are downloaded: plain links, the browser saves them. */
import { apiUrl } from './http';

export type PublicDocument = 'report-card' | 'certificate';

/** A published cycle's document, for anyone (the public dashboard's routes). */
export const publicReportUrl = (year: number, code: string, doc: PublicDocument) =>
  apiUrl(`/public/cycles/${year}/entities/${encodeURIComponent(code)}/${doc}.pdf`);

/** The report card in any cycle whose result the user may see (a draft before publication). */
export const reportCardUrl = (year: number, code: string) =>
  apiUrl(`/cycles/${year}/entities/${encodeURIComponent(code)}/report-card.pdf`);
