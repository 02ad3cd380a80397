"""The rules checker: rules, findings, configuration, and the engine that runs them."""
