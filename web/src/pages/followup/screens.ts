/** The follow-up screens, loaded together as one chunk. */
import './followup.css';

export { EntityFollowUpPage } from './EntityFollowUpPage';
export { FollowUpHome } from './FollowUpHome';
export { ObjectionPage } from './ObjectionPage';
