"""Operations of the 检验检查结果 dialog (ui/orders/results.py): the stay's own results beside the
external reports on the read pool; a pull from the platforms (network, on the read pool: a slow
platform never holds up a save), then what it brought recorded through the one write path
(RecordExternalResults); 互认 and its withdrawal (RecogniseExternalResult). Commands are
stamped here, never in a widget."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.operations import OpContext

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]


def load(ctx: OpContext, encounter_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.ext_results import chart_results

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: chart_results(conn, encounter_id)),
                           on_done, on_error, name="ext_results")


def fetch(ctx: OpContext, encounter_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """(patient id, PullOutcome): every platform asked once; one that fails is named in it."""
    from app.exchange.results import default_client, pull_reports
    from app.services.ext_results import pull_plan

    backend: Any = ctx.backend

    def run() -> Any:
        plan = backend.read(lambda conn: pull_plan(conn, encounter_id))
        outcome = pull_reports(plan.endpoints, list(plan.identifiers), plan.settings,
                               own_code=plan.settings.org_code,
                               client_for=lambda e: default_client(e, plan.settings))
        return plan.patient_id, outcome

    return ctx.runner.read(run, on_done, on_error, name="ext_results_pull")


def record(ctx: OpContext, user: Any, patient_id: str, reports: tuple[Any, ...],
           on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.ext_result_cmds import RecordExternalResults

    command = RecordExternalResults(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                                    patient_id=patient_id, reports=reports)
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="RecordExternalResults", origin=ctx.origin)


def recognise(ctx: OpContext, user: Any, result_id: str, base_version: int, recognised: bool,
              on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.ext_result_cmds import RecogniseExternalResult

    command = RecogniseExternalResult(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                                      result_id=result_id, base_version=base_version,
                                      recognised=recognised)
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="RecogniseExternalResult", origin=ctx.origin)
