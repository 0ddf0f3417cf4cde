import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::partner-search.partner-search');
