export {
  apiSpelling,
  type ErrorRef,
  isJustScaleError,
  JustScaleError,
  type JustScaleErrorOptions,
  OPTION_TOKEN,
  type OptionRef,
  type OptionSpeller,
  sqlstateOf,
} from './justscale-error.js';
