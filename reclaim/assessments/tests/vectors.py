"""Build answer lists with a chosen sum, so band-edge tests state the edge, not a vector."""

from reclaim.assessments.instruments import get


def answers_with_raw_sum(code: str, target: int) -> list[int]:
    """Raw answers (before reversal) whose sum after reversal is ``target``.

    Items are filled from the first one on; reversed items get the raw value
    that contributes what is needed, so the same helper works for every scale.
    """
    instrument = get(code)
    low, high = instrument.min_value, instrument.max_value
    contributions = [low] * instrument.item_count
    remaining = target - low * instrument.item_count
    if not 0 <= remaining <= (high - low) * instrument.item_count:
        raise ValueError(f"{code} cannot reach a raw sum of {target}")
    for index in range(instrument.item_count):
        step = min(high - low, remaining)
        contributions[index] += step
        remaining -= step
    return [
        low + high - contribution if item.reverse else contribution
        for item, contribution in zip(instrument.items, contributions, strict=True)
    ]
