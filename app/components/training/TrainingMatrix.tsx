import { Link } from "@remix-run/react";
import { CompetencyTag } from "~/components/CompetencyTag";
import { competencyCellWords, noCompetencyText, type MatrixCell, type MatrixTraining } from "~/domain/matrix";

type Worker = { id: number; name: string; providerName: string };
type Task = { id: number; name: string };

/**
 * The training matrix in two layouts of the same data, one shown by CSS (public/app.css,
 * `.dc-matrix-grid` and `.dc-matrix-cards`): from tablet width a grid whose name column stays put
 * while the tasks scroll sideways inside a focusable region (the page itself never scrolls
 * sideways); on a phone a card per worker listing each task. Every cell says something: a status
 * tag with its date in words, the training attended, or "Not trained" (issue 14, item 4).
 */
export function TrainingMatrix({
  workers,
  tasks,
  cells,
  training,
  caption,
}: {
  workers: Worker[];
  tasks: Task[];
  cells: Record<string, MatrixCell[]>;
  training: Record<string, MatrixTraining>;
  caption: string;
}) {
  const cellsOf = (w: Worker, t: Task) => cells[`${w.id}:${t.id}`] ?? [];
  const trainingOf = (w: Worker, t: Task) => training[`${w.id}:${t.id}`] ?? null;
  return (
    <>
      <div className="dc-matrix-grid">
        <div className="dc-matrix-scroll" role="region" aria-label="Training matrix, scrolls sideways to show every task" tabIndex={0}>
          <table className="nhsuk-table dc-matrix">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header dc-matrix__name">Care worker</th>
                {tasks.map((t) => (
                  <th key={t.id} scope="col" className="nhsuk-table__header">{t.name}</th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {workers.map((w) => (
                <tr key={w.id} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header dc-matrix__name">
                    <Link to={`/workers/${w.id}`}>{w.name}</Link>
                    <div className="nhsuk-body-s nhsuk-u-margin-bottom-0 dc-muted">{w.providerName}</div>
                  </th>
                  {tasks.map((t) => (
                    <td key={t.id} className="nhsuk-table__cell">
                      <CellContent task={t} cells={cellsOf(w, t)} training={trainingOf(w, t)} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <ul className="nhsuk-list dc-matrix-cards">
        {workers.map((w) => (
          <li key={w.id} className="nhsuk-card dc-matrix-card">
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-card__heading nhsuk-heading-s">
                <Link to={`/workers/${w.id}`}>{w.name}</Link>
              </h3>
              <p className="nhsuk-body-s dc-muted">{w.providerName}</p>
              <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-0">
                {tasks.map((t) => (
                  <div key={t.id} className="nhsuk-summary-list__row">
                    <dt className="nhsuk-summary-list__key">{t.name}</dt>
                    <dd className="nhsuk-summary-list__value">
                      <CellContent task={t} cells={cellsOf(w, t)} training={trainingOf(w, t)} />
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function CellContent({ task, cells, training }: { task: Task; cells: MatrixCell[]; training: MatrixTraining | null }) {
  if (!cells.length) return <span className="dc-matrix__none">{noCompetencyText(training)}</span>;
  return (
    <>
      {cells.map((c) => {
        const words = competencyCellWords(c);
        return (
          <div key={c.competencyId} className="dc-matrix__entry">
            <Link to={`/competencies/${c.competencyId}`} aria-label={`${task.name}${c.personName ? ` for ${c.personName}` : ""}: ${words.text}`}>
              <CompetencyTag status={c.status} />
            </Link>
            {words.detail ? <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{words.detail}</div> : null}
            {c.personName ? <div className="nhsuk-body-s nhsuk-u-margin-bottom-0 dc-muted">For {c.personName}</div> : null}
          </div>
        );
      })}
    </>
  );
}
