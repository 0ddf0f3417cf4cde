import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => ({
  rest: {
    defaultLimit: 25,
    maxLimit: env.int('API_MAX_LIMIT', 100),
    withCount: true,
  },
});
