import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CurrentDispatch, IssueDispatch, SubscriberSummary } from '../../lib/newsletter-texts';

export const issueDispatchPath = (documentId: string) =>
  `/ikz/newsletter/issues/${encodeURIComponent(documentId)}/dispatch`;
export const issueTestPath = (documentId: string) => `/ikz/newsletter/issues/${encodeURIComponent(documentId)}/test`;
export const SUBSCRIBER_SUMMARY_PATH = '/ikz/newsletter/subscribers/summary';
export const SUBSCRIBER_EXPORT_PATH = '/ikz/newsletter/subscribers/export';

/** The German message of a failed admin request (the routes answer `{ error: { message } }`). */
export function errorMessage(error: unknown, fallback: string): string {
  const e = error as { response?: { data?: { error?: { message?: string } } } };
  return e?.response?.data?.error?.message ?? fallback;
}

/** The issue's sending state, polled every 3 s while a send is under way. */
export function useIssueDispatch(documentId: string | undefined) {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ data: IssueDispatch | null; failed: boolean }>({ data: null, failed: false });
  const load = useCallback(async () => {
    if (!documentId) return;
    try {
      const { data } = await get<IssueDispatch>(issueDispatchPath(documentId));
      setState({ data, failed: false });
    } catch {
      setState((previous) => ({ ...previous, failed: true }));
    }
  }, [get, documentId]);
  const running = state.data && state.data.state !== 'none' && state.data.state !== 'done';
  useEffect(() => {
    void load();
    if (!running) return;
    const timer = setInterval(() => void load(), 3_000);
    return () => clearInterval(timer);
  }, [load, running]);
  return { ...state, reload: load };
}

export function useSubscriberSummary(refreshMs = 30_000) {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ data: SubscriberSummary | null; failed: boolean }>({
    data: null,
    failed: false,
  });
  useEffect(() => {
    let active = true;
    const load = () =>
      get<SubscriberSummary>(SUBSCRIBER_SUMMARY_PATH).then(
        ({ data }) => active && setState({ data, failed: false }),
        () => active && setState((previous) => ({ ...previous, failed: true })),
      );
    void load();
    const timer = setInterval(load, refreshMs);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [get, refreshMs]);
  return state;
}

/** The newsletter send under way (or finished today), polled with the publishing widget. */
export function useCurrentDispatch(refreshMs = 5_000) {
  const { get } = useFetchClient();
  const [dispatch, setDispatch] = useState<CurrentDispatch | null>(null);
  useEffect(() => {
    let active = true;
    const load = () =>
      get<{ dispatch: CurrentDispatch | null }>('/ikz/newsletter/dispatches/current').then(
        ({ data }) => active && setDispatch(data.dispatch),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, refreshMs);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [get, refreshMs]);
  return dispatch;
}
