// Where a value or a document came from: modules that accept a `dataRequestId` (indicator values,
// accreditation evidence) check it here, against the secretariat's register, before deciding.
import { NotFoundError } from '../src/domain/errors.ts';
import { requireAcceptedDataRequest } from '../src/domain/data-requests.ts';
import type { Hub } from '../src/hub.ts';

/** Throws unless the input cites no data request, or one whose answer was accepted. */
export function checkCitedDataRequest(hub: Pick<Hub, 'secretariat'>, input: Record<string, unknown>): void {
  const id = input.dataRequestId;
  if (typeof id !== 'string') return;
  const request = hub.secretariat.dataRequests.byIds([id])[0];
  if (!request) throw new NotFoundError('data request', id);
  requireAcceptedDataRequest(id, request.state.status);
}
