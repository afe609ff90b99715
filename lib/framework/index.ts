export * from "./answers";
export { framework } from "./current";
export { ncvoSercoFramework } from "./ncvo-serco";
export { ncvoSercoFrameworkV2 } from "./ncvo-serco-v2";
export { FrameworkError, optionValues, parseFramework } from "./parse";
export {
  findQuestion,
  pairedQuestions,
  principleOf,
  principleQuestions,
  type QuestionPair,
  questionsFor,
} from "./queries";
export * from "./schema";
export {
  FRAMEWORK_VERSIONS,
  findFramework,
  frameworkFor,
  frameworkV2,
  latestFramework,
  PERIOD_VERSION,
} from "./versions";
