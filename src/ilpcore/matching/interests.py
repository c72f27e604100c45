"""The O*NET Interest Profiler: its items, scoring, and the result's place on a plan.

Answers are 1 (strongly dislike) ... 5 (strongly like), as in O*NET's Web Services.
Each answer ``r`` scores ``r - 1`` (0-4) for its item's area and the six sums are
the raw RIASEC scores: 0-40 on the 60-item Short Form.  The scale is named in
every result (``"onet-ip-sf-60 raw 0-40"``), because some tools sum 1-5 instead
and report 10-50.

The release files hold the 60 items only.  The 30-item Mini-IP uses its own item
set, which is not in the data; :meth:`InterestForm.subset` builds a short form
from any caller-supplied items (5 per area gives 0-20).

>>> form = load_interest_profiler()
>>> result = form.score("553421321134342523523523254115342111351145453111231155343444")
>>> result.as_dict()
{'R': 27, 'I': 13, 'A': 23, 'S': 25, 'E': 14, 'C': 14}
>>> result.scale, result.code, result.undifferentiated
('onet-ip-sf-60 raw 0-40', 'RSA', False)
"""

from __future__ import annotations

from ilpcore.matching.interest_form import ANSWER_LABELS as ANSWER_LABELS
from ilpcore.matching.interest_form import (
    ANSWER_MAX,
    ANSWER_MIN,
    InterestForm,
    InterestItem,
)
from ilpcore.matching.interest_release import IP_ATTRIBUTION as IP_ATTRIBUTION
from ilpcore.matching.interest_release import load_interest_profiler
from ilpcore.matching.interest_scores import (
    FLAT_PROFILE_THRESHOLD,
    IP_SHORT_FORM_ID,
    InterestScores,
    from_assessment,
    is_undifferentiated,
    to_assessment,
)
from ilpcore.matching.interest_scores import IP_SHORT_FORM_EDITION as IP_SHORT_FORM_EDITION
from ilpcore.matching.interest_scores import IP_SHORT_FORM_NAME as IP_SHORT_FORM_NAME

__all__ = [
    "ANSWER_MAX",
    "ANSWER_MIN",
    "FLAT_PROFILE_THRESHOLD",
    "IP_SHORT_FORM_ID",
    "InterestForm",
    "InterestItem",
    "InterestScores",
    "from_assessment",
    "is_undifferentiated",
    "load_interest_profiler",
    "to_assessment",
]
