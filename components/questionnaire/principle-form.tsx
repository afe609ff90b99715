"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { savePrincipleAction } from "@/lib/actions/assessments";
import { initialFormState } from "@/lib/actions/form-state";
import type { PrincipleKey, Question } from "@/lib/framework";
import type { AnswerOrder } from "@/lib/framework/answer-order";
import type { TypedValues } from "@/lib/questionnaire/form";
import { QuestionField } from "./question-field";

interface Props {
  assessmentId: string;
  principle: PrincipleKey;
  revision: number;
  questions: Question[];
  answerOrder: AnswerOrder;
  stored: TypedValues;
}

/** One principle's questions. Works without JavaScript: the action re-renders this page with its state. */
export function PrincipleForm({ assessmentId, principle, revision, questions, answerOrder, stored }: Props) {
  const [state, action, pending] = useActionState(savePrincipleAction, initialFormState);
  const typed = state.typed ?? stored;
  const errorFor = (key: string) => state.errors.find((e) => e.questionKey === key)?.message;

  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate>
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="principle" value={principle} />
        <input type="hidden" name="revision" value={state.revision ?? revision} />
        {questions.map((question, index) => (
          <QuestionField
            key={question.key}
            question={question}
            answerOrder={answerOrder}
            number={index + 1}
            typed={typed}
            error={errorFor(question.key)}
          />
        ))}
        <div className="flex flex-wrap gap-4">
          <Button name="intent" value="continue" disabled={pending}>
            Save and continue
          </Button>
          <Button name="intent" value="save" variant="secondary" disabled={pending}>
            Save and come back later
          </Button>
        </div>
      </form>
    </>
  );
}
