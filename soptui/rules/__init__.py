"""soptui's built-in rules, one small module each. They reach soptui through `soptui.builtin`,
the same plugin door (entry-point group `soptui`) a third-party plugin uses."""
