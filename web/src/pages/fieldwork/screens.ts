/** Verification's pages, loaded together as one chunk. */
export { SubmissionPage } from './SubmissionPage';
export { SubmissionsPage } from './SubmissionsPage';
