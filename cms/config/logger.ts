import { formats, winston } from '@strapi/logger';
import { readEnv } from '@ikz/shared-types/env';

/** LOG_LEVEL=http also logs every request; the default keeps the console readable. */
export default {
  level: readEnv(['LOG_LEVEL']).LOG_LEVEL,
  transports: [
    new winston.transports.Console({ format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }) }),
  ],
};
