import { TextBlock } from "@/components/ui/text-block";

export type AnswersTexts = Record<"expectedGain" | "disseminationPlan" | "manager" | "managerValue" | "agreed" | "yes" | "no" | "empty", string>;

type Props = {
  answers: { expectedGain: string; disseminationPlan: string; managerName?: string; managerEmail?: string; agreedWithManager?: boolean };
  texts: AnswersTexts;
  className?: string;
};

/**
 * The pre-training answers, read-only: for the participant once the workshop has started, for the
 * orderer who booked them, and on the manager's confirmation page. The texts are the participant's
 * own, shown as plain text with their line breaks.
 */
export function PreTrainingAnswers({ answers, texts, className = "" }: Props) {
  const text = (value: string) => (value.trim() ? <TextBlock text={value} /> : <p className="text-muted">{texts.empty}</p>);
  return (
    <dl className={`grid max-w-prose gap-y-2 ${className}`}>
      <dt className="font-semibold">{texts.expectedGain}</dt>
      <dd className="mb-4">{text(answers.expectedGain)}</dd>
      <dt className="font-semibold">{texts.disseminationPlan}</dt>
      <dd className="mb-4">{text(answers.disseminationPlan)}</dd>
      {answers.managerName !== undefined && (
        <>
          <dt className="font-semibold">{texts.manager}</dt>
          <dd className="mb-4">{answers.managerName ? texts.managerValue.replace("{name}", answers.managerName).replace("{email}", answers.managerEmail ?? "") : texts.empty}</dd>
        </>
      )}
      {answers.agreedWithManager !== undefined && (
        <>
          <dt className="font-semibold">{texts.agreed}</dt>
          <dd className="mb-4">{answers.agreedWithManager ? texts.yes : texts.no}</dd>
        </>
      )}
    </dl>
  );
}
