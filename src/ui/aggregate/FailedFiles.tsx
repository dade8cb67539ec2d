import type { FailedUnit } from '../../aggregate/units.ts';

/** Files that could not be opened, each with its reason; they never stop the others. */
export function FailedFiles({ units }: { units: readonly FailedUnit[] }) {
  return (
    <section class="aggregate-failed" aria-labelledby="aggregate-failed-title">
      <h3 id="aggregate-failed-title">无法读取的文件（{units.length} 个，未计入）</h3>
      <ul>
        {units.map((u) => (
          <li key={u.key}>
            <strong>{u.name}</strong>：{u.reason}
            {u.details.length > 0 ? (
              <ul>
                {u.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
