import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::partner-search.partner-search');
