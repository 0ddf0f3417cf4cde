import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { ADMIN_STATUS_PATH } from '../../lib/admin-links';
import type { AdminStatus } from '../../lib/admin-status';

export interface AdminStatusState {
  status: AdminStatus | null;
  failed: boolean;
}

/** GET /ikz/status for the logged-in user: once, or every `refreshMs` while the component is shown. */
export function useAdminStatus(refreshMs?: number): AdminStatusState {
  const { get } = useFetchClient();
  const [state, setState] = useState<AdminStatusState>({ status: null, failed: false });
  useEffect(() => {
    let active = true;
    const load = () =>
      get<AdminStatus>(ADMIN_STATUS_PATH).then(
        ({ data }) => active && setState({ status: data, failed: false }),
        () => active && setState((previous) => ({ ...previous, failed: true })),
      );
    void load();
    const timer = refreshMs ? setInterval(load, refreshMs) : undefined;
    return () => {
      active = false;
      if (timer) clearInterval(timer);
    };
  }, [get, refreshMs]);
  return state;
}
