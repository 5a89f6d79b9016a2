package planner

import "slices"

// Deadline is a pipeline company's next-step deadline (督办): the last day
// its next step may happen on and, when the lead line named it, that step
// ("开工 截止 2026-03-31": construction by 31 March).
type Deadline struct {
	Date Date  // the zero Date when the company has no deadline
	Step Stage // the stage the company is to reach by Date; "" when unnamed
}

// IsZero reports whether there is no deadline.
func (d Deadline) IsZero() bool { return d.Date == (Date{}) }

// Overdue reports whether the deadline has passed by day asOf (超期): the
// deadline's own day is still in time, the day after it is not. A deadline
// stays on a company only while the company has not made the step (MetBy),
// so one that has passed is overdue.
func (d Deadline) Overdue(asOf Date) bool { return !d.IsZero() && asOf.After(d.Date) }

// MetBy reports whether a company moved from stage from to stage to has made
// the step its deadline was set for, so that the deadline is cleared:
//   - without a named step, any stage change is the next step;
//   - with one, reaching that step or a later stage of the pipeline makes
//     it, while a move short of it ("签约 → 落地" when 开工 is due) leaves
//     the deadline standing: the step it chases is still to come;
//   - a move to on hold or lost takes the company off the pipeline, and
//     there is nothing left to chase.
//
// A lead line that sets a new deadline replaces the old one whatever it moves.
func (d Deadline) MetBy(from, to Stage) bool {
	switch {
	case d.IsZero() || from == to:
		return false
	case d.Step == "" || to == StageOnHold || to == StageLost:
		return true
	}
	return reached(to, d.Step)
}

// forStage returns the deadline as set on a company at stage at: a step the company
// has made already is no step to chase ("开工 截止 2026-03-31" for a company
// under construction), so the deadline is its next step's, unnamed.
func (d Deadline) forStage(at Stage) Deadline {
	if d.Step != "" && reached(at, d.Step) {
		d.Step = ""
	}
	return d
}

// reached reports whether a company at stage at has made step: it is at it,
// or at a later stage of the pipeline (线索 … 投产; on hold and lost have no
// place in its order).
func reached(at, step Stage) bool {
	return at == step || at.inPipeline() && step.inPipeline() && slices.Index(Stages, at) >= slices.Index(Stages, step)
}

// inPipeline reports whether s is a stage of the pipeline (线索 … 投产), not
// one that leaves it (on hold, lost).
func (s Stage) inPipeline() bool {
	i := slices.Index(Stages, s)
	return i >= 0 && i <= pipelineEnd
}

// pipelineEnd is the index in Stages of the pipeline's last stage (投产):
// the stages after it leave the pipeline and have no order.
var pipelineEnd = slices.Index(Stages, StageProduction)
