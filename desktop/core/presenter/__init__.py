"""The presenter's plain logic, no Qt: what is shown where, the console's modes, the keys.

* :mod:`.state`: the presenter's slide, a preview, a frozen or blanked projector, a typed
  number, and the console's mode (:class:`~.state.ShowState`);
* :mod:`.modes`: the console's modes and what Esc and Enter do in each (pure functions), and
  which actions each mode leaves enabled;
* :mod:`.actions`: the presenter's action table and the key names written in its sentences;
* :mod:`.screens`: which screen gets the audience view and which the console;
* :mod:`.clock`: carrying the talk's time over to a reloaded deck.

The Qt side (windows, QActions, screens, tools) is :mod:`desktop.ui.presenter`.
"""
