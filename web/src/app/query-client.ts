import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { ME_KEY } from '../api/me.ts';

/**
 * The console's query cache. A 401 anywhere (but a refused sign-in) means the session has
 * ended: the person is forgotten and the sign-in page shows. Client errors are not retried.
 */
function forgetEndedSession(error: Error): void {
  if (error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials' && error.code !== 'second_factor_required') {
    queryClient.setQueryData(ME_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetEndedSession }),
  mutationCache: new MutationCache({ onError: forgetEndedSession }),
  defaultOptions: {
    queries: {
      retry: (failures, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});
