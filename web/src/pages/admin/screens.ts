/** The administration pages, loaded together as one chunk. */
export { CyclesAdminPage } from './CyclesAdminPage';
export { EntitiesAdminPage } from './EntitiesAdminPage';
export { ImportsAdminPage } from './ImportsAdminPage';
export { OfficesAdminPage } from './OfficesAdminPage';
export { UsersAdminPage } from './UsersAdminPage';
