import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::municipality.municipality');
