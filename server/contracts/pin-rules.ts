/** The PIN rules, shared with the kiosk so it can explain them as a worker types a new PIN. */
export {
  checkNewPin,
  checkPin,
  MAX_PIN_LENGTH,
  MAX_SEQUENTIAL_RUN,
  PIN_RULES,
  pinRuleVerdicts,
  type PinCheck,
  type PinRule,
  type PinRuleVerdicts,
} from '../domain/pin-rules.js';
