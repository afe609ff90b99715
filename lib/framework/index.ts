export * from "./answers";
export { framework } from "./current";
export { ncvoSercoFramework } from "./ncvo-serco";
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
