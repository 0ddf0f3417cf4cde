import { formats, winston } from '@strapi/logger';

/** LOG_LEVEL=http also logs every request; the default keeps the console readable. */
export default {
  level: process.env.LOG_LEVEL ?? 'info',
  transports: [new winston.transports.Console({ format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }) })],
};
