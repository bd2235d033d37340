/**
 * What-if's state: the sign-in to try (a person picked by name, a device, an address, a moment, a
 * method, an app) and the answer. `run` checks what the form itself can (a person, a kiosk when
 * "an enrolled kiosk" is chosen), then asks the injected evaluation; a refusal shows next to the field
 * it concerns. Unit-tested without a browser.
 */
import type { ApiResult, ClientError } from '$lib/api/client';
import type {
  DeviceFacts,
  DeviceState,
  SignInMethod,
  WhatIfResult,
} from '$server/contracts/conditional-access';
import type { AccessText, NamedPerson } from './access-form';
import { instantOf, sentence } from './access-form';
import { errorField, messageWithoutField } from './field-errors';

/** The app Select's "no app" choice (a select item needs a non-empty value). */
export const NO_APP = 'none';
export const DEVICE_FACTS: readonly DeviceState[] = ['enrolled', 'compliant', 'attestationFresh'];

export type DeviceMode = 'none' | 'kiosk' | 'facts';

/** A kiosk as the what-if page needs it (from the admin devices list). */
export interface KioskRecord {
  id: string;
  displayName: string;
  status: string;
  compliance: { state: string };
  attestationExpiresDateTime: string | null;
  group: { displayName: string } | null;
}

/** A kiosk's facts as its record reads at `now` (the server reads the same record when evaluating). */
export function factsOf(device: KioskRecord, now: number): DeviceFacts {
  const enrolled = device.status === 'active';
  return {
    enrolled,
    compliant: enrolled && device.compliance.state === 'compliant',
    attestationFresh:
      device.attestationExpiresDateTime !== null && Date.parse(device.attestationExpiresDateTime) > now,
  };
}

/** "Enrolled in kiosk mode: yes, Compliant: no, …" */
export const describeFacts = (facts: DeviceFacts, text: AccessText): string =>
  DEVICE_FACTS.map((state) => `${text.deviceStates[state]}: ${facts[state] ? text.yes : text.no}`).join(', ');

export interface WhatIfBody {
  userId: string;
  device: null | DeviceFacts | { deviceId: string };
  ipAddress?: string;
  dateTime?: string;
  method: SignInMethod;
  appId?: string;
}

export interface WhatIfDeps {
  evaluate(body: WhatIfBody): Promise<ApiResult<WhatIfResult>>;
  describe(error: ClientError): string;
  text(): AccessText;
}

export class WhatIf {
  /** The person picker's choice (at most one). */
  people = $state<NamedPerson[]>([]);
  deviceMode = $state<DeviceMode>('none');
  kioskId = $state('');
  /** The device facts ticked for "a kiosk device described below". */
  facts = $state<DeviceState[]>([...DEVICE_FACTS]);
  ipAddress = $state('');
  date = $state('');
  time = $state('');
  method = $state<SignInMethod>('qrPin');
  appId = $state(NO_APP);
  result = $state<WhatIfResult | null>(null);
  fieldErrors = $state<Record<string, string>>({});
  formError = $state<string | null>(null);
  busy = $state(false);
  readonly #deps: WhatIfDeps;

  constructor(deps: WhatIfDeps) {
    this.#deps = deps;
  }

  get person(): NamedPerson | null {
    return this.people[0] ?? null;
  }

  /** What the server is asked; null with the field errors set when the form itself can tell. */
  body(): WhatIfBody | null {
    const text = this.#deps.text();
    const errors: Record<string, string> = {};
    if (!this.person) errors.userId = text.whatIf.needPerson;
    if (this.deviceMode === 'kiosk' && !this.kioskId) errors.deviceId = text.whatIf.chooseKiosk;
    this.fieldErrors = errors;
    if (!this.person || Object.keys(errors).length > 0) return null;
    const dateTime = instantOf(this.date, this.time);
    return {
      userId: this.person.id,
      device:
        this.deviceMode === 'kiosk'
          ? { deviceId: this.kioskId }
          : this.deviceMode === 'facts'
            ? {
                enrolled: this.facts.includes('enrolled'),
                compliant: this.facts.includes('compliant'),
                attestationFresh: this.facts.includes('attestationFresh'),
              }
            : null,
      ...(this.ipAddress.trim() ? { ipAddress: this.ipAddress.trim() } : {}),
      ...(dateTime ? { dateTime } : {}),
      method: this.method,
      ...(this.appId !== NO_APP ? { appId: this.appId } : {}),
    };
  }

  async run(): Promise<void> {
    if (this.busy) return;
    this.formError = null;
    const body = this.body();
    const text = this.#deps.text();
    if (!body) {
      this.formError = text.whatIf.problems;
      return;
    }
    this.busy = true;
    const answer = await this.#deps.evaluate(body);
    this.busy = false;
    if (answer.ok) {
      this.result = answer.data;
      return;
    }
    this.result = null;
    const field = errorField(answer.error);
    const key = field === 'device.deviceId' ? 'deviceId' : field;
    if (key === 'deviceId' || key === 'ipAddress' || key === 'userId' || key === 'dateTime') {
      this.fieldErrors = { [key]: sentence(messageWithoutField(answer.error)) };
      this.formError = text.whatIf.problems;
    } else {
      this.formError = answer.status === 403 ? text.adminsOnly : this.#deps.describe(answer.error);
    }
  }
}
