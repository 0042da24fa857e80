-- One database per service (the local script does the same).
CREATE DATABASE qis_planning;
CREATE DATABASE qis_purchasing;
CREATE DATABASE qis_evidence;
CREATE DATABASE qis_lab_gateway;
CREATE DATABASE qis_enforcement;
CREATE DATABASE qis_disclosure;
