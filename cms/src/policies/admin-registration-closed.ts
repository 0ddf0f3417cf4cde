import { errors } from '@strapi/utils';
import { REGISTRATION_CLOSED_MESSAGE } from '../bootstrap/admin-registration';

/** Put on POST /admin/register-admin by guardAdminRegistration: nobody becomes administrator through the web. */
export default () => {
  throw new errors.PolicyError(REGISTRATION_CLOSED_MESSAGE);
};
