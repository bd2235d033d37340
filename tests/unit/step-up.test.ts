/** Who may co-sign a worker's sign-in that a policy sends to a second factor (server/domain/step-up.ts). */
import { describe, expect, test } from 'vitest';
import { coSignerRefusal, type StepUpPerson } from '../../server/domain/step-up.js';

const worker: StepUpPerson = { id: 'ana', role: 'worker', groupIds: ['porto', 'braga'] };

describe('coSignerRefusal', () => {
  test('a manager of one of the worker’s stores may co-sign', () => {
    expect(
      coSignerRefusal(worker, { id: 'maria', role: 'manager', groupIds: ['lisbon', 'braga'] }),
    ).toBeNull();
  });

  test('an admin may co-sign for any store, even with none of their own', () => {
    expect(coSignerRefusal(worker, { id: 'ines', role: 'admin', groupIds: [] })).toBeNull();
  });

  test('a manager of other stores only is the wrong store', () => {
    expect(coSignerRefusal(worker, { id: 'rui', role: 'manager', groupIds: ['lisbon'] })).toBe(
      'STEP_UP_WRONG_STORE',
    );
  });

  test('a worker of the same store is not a manager', () => {
    expect(coSignerRefusal(worker, { id: 'tiago', role: 'worker', groupIds: ['porto'] })).toBe(
      'STEP_UP_NOT_A_MANAGER',
    );
  });

  test('nobody confirms their own sign-in, not even an admin', () => {
    const admin: StepUpPerson = { id: 'ines', role: 'admin', groupIds: [] };
    expect(coSignerRefusal(admin, admin)).toBe('STEP_UP_SAME_PERSON');
    const manager: StepUpPerson = { id: 'maria', role: 'manager', groupIds: ['porto'] };
    expect(coSignerRefusal(manager, manager)).toBe('STEP_UP_SAME_PERSON');
  });

  test('a worker with no store can be confirmed only by an admin', () => {
    const storeless: StepUpPerson = { id: 'new', role: 'worker', groupIds: [] };
    expect(coSignerRefusal(storeless, { id: 'maria', role: 'manager', groupIds: ['porto'] })).toBe(
      'STEP_UP_WRONG_STORE',
    );
    expect(coSignerRefusal(storeless, { id: 'ines', role: 'admin', groupIds: [] })).toBeNull();
  });
});
