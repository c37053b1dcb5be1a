CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE app_setting (
    skey VARCHAR(60) NOT NULL, 
    svalue VARCHAR(400), 
    CONSTRAINT pk_app_setting PRIMARY KEY (skey)
);

CREATE TABLE audit_head (
    id SMALLINT NOT NULL, 
    last_seq BIGINT NOT NULL, 
    last_hash VARCHAR(64) NOT NULL, 
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
);

CREATE TABLE dept (
    id VARCHAR(36) NOT NULL, 
    code VARCHAR(20) NOT NULL, 
    name VARCHAR(60) NOT NULL, 
    CONSTRAINT pk_dept PRIMARY KEY (id), 
    CONSTRAINT uq_dept_code UNIQUE (code)
);

CREATE TABLE drug (
    id VARCHAR(36) NOT NULL, 
    code VARCHAR(30) NOT NULL, 
    generic_name VARCHAR(60) NOT NULL, 
    base_name VARCHAR(40) NOT NULL, 
    en_inn VARCHAR(80), 
    form VARCHAR(20) NOT NULL, 
    strength NUMERIC(12, 4), 
    strength_unit VARCHAR(10), 
    dose_unit VARCHAR(10) NOT NULL, 
    package VARCHAR(40), 
    atc VARCHAR(10), 
    drug_class VARCHAR(30), 
    abx_grade SMALLINT NOT NULL, 
    high_alert BOOLEAN NOT NULL, 
    skin_test BOOLEAN NOT NULL, 
    narcotic VARCHAR(10), 
    default_route VARCHAR(12), 
    pinyin VARCHAR(40) NOT NULL, 
    is_active BOOLEAN NOT NULL, 
    CONSTRAINT pk_drug PRIMARY KEY (id), 
    CONSTRAINT uq_drug_code UNIQUE (code), 
    CONSTRAINT ck_drug_high_alert CHECK (high_alert IN (0, 1)), 
    CONSTRAINT ck_drug_skin_test CHECK (skin_test IN (0, 1)), 
    CONSTRAINT ck_drug_is_active CHECK (is_active IN (0, 1))
);

CREATE INDEX ix_drug_pinyin ON drug (pinyin);

CREATE TABLE freq (
    code VARCHAR(10) NOT NULL, 
    name VARCHAR(30) NOT NULL, 
    times_per_day NUMERIC(6, 3), 
    interval_hours INTEGER, 
    slots VARCHAR(200), 
    every_days SMALLINT NOT NULL, 
    sort_key INTEGER NOT NULL, 
    CONSTRAINT pk_freq PRIMARY KEY (code)
);

CREATE TABLE icd10 (
    code VARCHAR(16) NOT NULL, 
    name_cn VARCHAR(200), 
    name_en VARCHAR(250) NOT NULL, 
    pinyin VARCHAR(60), 
    CONSTRAINT pk_icd10 PRIMARY KEY (code)
);

CREATE INDEX ix_icd10_pinyin ON icd10 (pinyin);

CREATE TABLE lab_test (
    code VARCHAR(12) NOT NULL, 
    name VARCHAR(40) NOT NULL, 
    unit VARCHAR(20), 
    low NUMERIC(12, 3), 
    high NUMERIC(12, 3), 
    CONSTRAINT pk_lab_test PRIMARY KEY (code)
);

CREATE TABLE order_item (
    id VARCHAR(36) NOT NULL, 
    code VARCHAR(30) NOT NULL, 
    name VARCHAR(80) NOT NULL, 
    category VARCHAR(12) NOT NULL, 
    specimen VARCHAR(20), 
    unit VARCHAR(10), 
    pinyin VARCHAR(40) NOT NULL, 
    is_active BOOLEAN NOT NULL, 
    CONSTRAINT pk_order_item PRIMARY KEY (id), 
    CONSTRAINT uq_order_item_code UNIQUE (code), 
    CONSTRAINT ck_order_item_is_active CHECK (is_active IN (0, 1))
);

CREATE INDEX ix_order_item_pinyin ON order_item (pinyin);

CREATE TABLE patient (
    id VARCHAR(36) NOT NULL, 
    mrn VARCHAR(20) NOT NULL, 
    name VARCHAR(40) NOT NULL, 
    pinyin VARCHAR(40), 
    sex VARCHAR(1) NOT NULL, 
    birth_date DATE, 
    id_card VARCHAR(18), 
    phone VARCHAR(20), 
    ethnicity VARCHAR(20), 
    marital VARCHAR(10), 
    occupation VARCHAR(30), 
    address VARCHAR(120), 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_patient PRIMARY KEY (id), 
    CONSTRAINT uq_patient_mrn UNIQUE (mrn)
);

CREATE INDEX ix_patient_pinyin ON patient (pinyin);

CREATE TABLE role (
    code VARCHAR(20) NOT NULL, 
    name VARCHAR(40) NOT NULL, 
    CONSTRAINT pk_role PRIMARY KEY (code)
);

CREATE TABLE route (
    code VARCHAR(12) NOT NULL, 
    name VARCHAR(20) NOT NULL, 
    exec_sheet VARCHAR(12) NOT NULL, 
    bottle_label BOOLEAN NOT NULL, 
    sort_key INTEGER NOT NULL, 
    CONSTRAINT pk_route PRIMARY KEY (code), 
    CONSTRAINT ck_route_bottle_label CHECK (bottle_label IN (0, 1))
);

CREATE TABLE doc_template (
    id VARCHAR(36) NOT NULL, 
    doc_type VARCHAR(30) NOT NULL, 
    name VARCHAR(60) NOT NULL, 
    dept_id VARCHAR(36), 
    body TEXT NOT NULL, 
    is_active BOOLEAN NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_doc_template PRIMARY KEY (id), 
    CONSTRAINT fk_doc_template_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT ck_doc_template_is_active CHECK (is_active IN (0, 1))
);

CREATE INDEX ix_doc_template_doc_type ON doc_template (doc_type);

CREATE TABLE ward (
    id VARCHAR(36) NOT NULL, 
    code VARCHAR(20) NOT NULL, 
    name VARCHAR(60) NOT NULL, 
    dept_id VARCHAR(36) NOT NULL, 
    CONSTRAINT pk_ward PRIMARY KEY (id), 
    CONSTRAINT fk_ward_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT uq_ward_code UNIQUE (code)
);

CREATE TABLE bed (
    id VARCHAR(36) NOT NULL, 
    ward_id VARCHAR(36) NOT NULL, 
    bed_no VARCHAR(10) NOT NULL, 
    sort_key INTEGER NOT NULL, 
    is_active BOOLEAN NOT NULL, 
    CONSTRAINT pk_bed PRIMARY KEY (id), 
    CONSTRAINT fk_bed_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id), 
    CONSTRAINT uq_bed_ward_no UNIQUE (ward_id, bed_no), 
    CONSTRAINT ck_bed_is_active CHECK (is_active IN (0, 1))
);

CREATE TABLE staff (
    id VARCHAR(36) NOT NULL, 
    login_name VARCHAR(40) NOT NULL, 
    full_name VARCHAR(40) NOT NULL, 
    pinyin VARCHAR(40), 
    title VARCHAR(20), 
    title_rank SMALLINT NOT NULL, 
    dept_id VARCHAR(36), 
    ward_id VARCHAR(36), 
    password_hash VARCHAR(200) NOT NULL, 
    failed_logins INTEGER NOT NULL, 
    locked_until DATETIME, 
    can_prescribe BOOLEAN NOT NULL, 
    can_narcotic BOOLEAN NOT NULL, 
    abx_grade SMALLINT NOT NULL, 
    is_active BOOLEAN NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_staff PRIMARY KEY (id), 
    CONSTRAINT fk_staff_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_staff_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id), 
    CONSTRAINT uq_staff_login_name UNIQUE (login_name), 
    CONSTRAINT ck_staff_can_prescribe CHECK (can_prescribe IN (0, 1)), 
    CONSTRAINT ck_staff_can_narcotic CHECK (can_narcotic IN (0, 1)), 
    CONSTRAINT ck_staff_is_active CHECK (is_active IN (0, 1))
);

CREATE TABLE allergy (
    id VARCHAR(36) NOT NULL, 
    patient_id VARCHAR(36) NOT NULL, 
    substance VARCHAR(60) NOT NULL, 
    drug_code VARCHAR(30), 
    reaction VARCHAR(60), 
    severity VARCHAR(10), 
    source VARCHAR(12) NOT NULL, 
    status VARCHAR(16) NOT NULL, 
    recorded_at DATETIME NOT NULL, 
    recorded_by VARCHAR(36) NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_allergy PRIMARY KEY (id), 
    CONSTRAINT fk_allergy_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_allergy_recorded_by FOREIGN KEY(recorded_by) REFERENCES staff (id)
);

CREATE INDEX ix_allergy_patient_id ON allergy (patient_id);

CREATE TABLE applied_op (
    op_id VARCHAR(36) NOT NULL, 
    device_id VARCHAR(60) NOT NULL, 
    staff_id VARCHAR(36) NOT NULL, 
    op_type VARCHAR(40) NOT NULL, 
    device_time DATETIME NOT NULL, 
    applied_at DATETIME NOT NULL, 
    outcome VARCHAR(12) NOT NULL, 
    CONSTRAINT pk_applied_op PRIMARY KEY (op_id), 
    CONSTRAINT fk_applied_op_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
);

CREATE TABLE audit_log (
    seq BIGINT NOT NULL, 
    at DATETIME NOT NULL, 
    staff_id VARCHAR(36), 
    workstation VARCHAR(60) NOT NULL, 
    action VARCHAR(20) NOT NULL, 
    entity VARCHAR(20) NOT NULL, 
    entity_id VARCHAR(36) NOT NULL, 
    patient_id VARCHAR(36), 
    before_data TEXT, 
    after_data TEXT, 
    op_id VARCHAR(36), 
    prev_hash VARCHAR(64) NOT NULL, 
    row_hash VARCHAR(64) NOT NULL, 
    CONSTRAINT pk_audit_log PRIMARY KEY (seq), 
    CONSTRAINT fk_audit_log_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
);

CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id);

CREATE TABLE encounter (
    id VARCHAR(36) NOT NULL, 
    patient_id VARCHAR(36) NOT NULL, 
    visit_no INTEGER NOT NULL, 
    dept_id VARCHAR(36) NOT NULL, 
    ward_id VARCHAR(36) NOT NULL, 
    bed_id VARCHAR(36), 
    attending_id VARCHAR(36), 
    resident_id VARCHAR(36), 
    nurse_id VARCHAR(36), 
    admitted_at DATETIME NOT NULL, 
    discharged_at DATETIME, 
    status VARCHAR(12) NOT NULL, 
    nursing_grade SMALLINT NOT NULL, 
    acuity VARCHAR(10) NOT NULL, 
    diet VARCHAR(20), 
    isolation VARCHAR(20), 
    height_cm NUMERIC(5, 1), 
    weight_kg NUMERIC(5, 1), 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_encounter PRIMARY KEY (id), 
    CONSTRAINT fk_encounter_attending_id FOREIGN KEY(attending_id) REFERENCES staff (id), 
    CONSTRAINT fk_encounter_bed_id FOREIGN KEY(bed_id) REFERENCES bed (id), 
    CONSTRAINT fk_encounter_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_encounter_nurse_id FOREIGN KEY(nurse_id) REFERENCES staff (id), 
    CONSTRAINT fk_encounter_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_encounter_resident_id FOREIGN KEY(resident_id) REFERENCES staff (id), 
    CONSTRAINT fk_encounter_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id)
);

CREATE INDEX ix_encounter_patient_id ON encounter (patient_id);

CREATE INDEX ix_encounter_ward_id ON encounter (ward_id);

CREATE INDEX ix_encounter_ward_status ON encounter (ward_id, status);

CREATE TABLE order_set (
    id VARCHAR(36) NOT NULL, 
    name VARCHAR(60) NOT NULL, 
    pinyin VARCHAR(40) NOT NULL, 
    dept_id VARCHAR(36), 
    owner_id VARCHAR(36), 
    is_active BOOLEAN NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_order_set PRIMARY KEY (id), 
    CONSTRAINT fk_order_set_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_order_set_owner_id FOREIGN KEY(owner_id) REFERENCES staff (id), 
    CONSTRAINT ck_order_set_is_active CHECK (is_active IN (0, 1))
);

CREATE TABLE staff_role (
    staff_id VARCHAR(36) NOT NULL, 
    role_code VARCHAR(20) NOT NULL, 
    CONSTRAINT pk_staff_role PRIMARY KEY (staff_id, role_code), 
    CONSTRAINT fk_staff_role_role_code FOREIGN KEY(role_code) REFERENCES role (code), 
    CONSTRAINT fk_staff_role_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
);

CREATE TABLE bed_move (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    from_bed_id VARCHAR(36), 
    to_bed_id VARCHAR(36), 
    from_ward_id VARCHAR(36), 
    to_ward_id VARCHAR(36) NOT NULL, 
    moved_at DATETIME NOT NULL, 
    moved_by VARCHAR(36) NOT NULL, 
    reason VARCHAR(100), 
    CONSTRAINT pk_bed_move PRIMARY KEY (id), 
    CONSTRAINT fk_bed_move_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_bed_move_from_bed_id FOREIGN KEY(from_bed_id) REFERENCES bed (id), 
    CONSTRAINT fk_bed_move_from_ward_id FOREIGN KEY(from_ward_id) REFERENCES ward (id), 
    CONSTRAINT fk_bed_move_moved_by FOREIGN KEY(moved_by) REFERENCES staff (id), 
    CONSTRAINT fk_bed_move_to_bed_id FOREIGN KEY(to_bed_id) REFERENCES bed (id), 
    CONSTRAINT fk_bed_move_to_ward_id FOREIGN KEY(to_ward_id) REFERENCES ward (id)
);

CREATE INDEX ix_bed_move_encounter_id ON bed_move (encounter_id);

CREATE TABLE clin_doc (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    doc_type VARCHAR(30) NOT NULL, 
    title VARCHAR(60) NOT NULL, 
    status VARCHAR(12) NOT NULL, 
    event_at DATETIME NOT NULL, 
    due_at DATETIME, 
    rev_no INTEGER NOT NULL, 
    author_id VARCHAR(36) NOT NULL, 
    signed_at DATETIME, 
    signed_by VARCHAR(36), 
    cosign_needed BOOLEAN NOT NULL, 
    cosigned_at DATETIME, 
    cosigned_by VARCHAR(36), 
    late_entry BOOLEAN NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_clin_doc PRIMARY KEY (id), 
    CONSTRAINT fk_clin_doc_author_id FOREIGN KEY(author_id) REFERENCES staff (id), 
    CONSTRAINT fk_clin_doc_cosigned_by FOREIGN KEY(cosigned_by) REFERENCES staff (id), 
    CONSTRAINT fk_clin_doc_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_clin_doc_signed_by FOREIGN KEY(signed_by) REFERENCES staff (id), 
    CONSTRAINT ck_clin_doc_cosign_needed CHECK (cosign_needed IN (0, 1)), 
    CONSTRAINT ck_clin_doc_late_entry CHECK (late_entry IN (0, 1))
);

CREATE INDEX ix_clin_doc_enc_type ON clin_doc (encounter_id, doc_type);

CREATE INDEX ix_clin_doc_encounter_id ON clin_doc (encounter_id);

CREATE TABLE diagnosis (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    icd10_code VARCHAR(16), 
    name VARCHAR(120) NOT NULL, 
    kind VARCHAR(12) NOT NULL, 
    seq_no SMALLINT NOT NULL, 
    diagnosed_at DATETIME NOT NULL, 
    diagnosed_by VARCHAR(36) NOT NULL, 
    status VARCHAR(10) NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_diagnosis PRIMARY KEY (id), 
    CONSTRAINT fk_diagnosis_diagnosed_by FOREIGN KEY(diagnosed_by) REFERENCES staff (id), 
    CONSTRAINT fk_diagnosis_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id)
);

CREATE INDEX ix_diagnosis_encounter_id ON diagnosis (encounter_id);

CREATE TABLE lab_result (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    test_code VARCHAR(12) NOT NULL, 
    num_value NUMERIC(14, 4), 
    text_value VARCHAR(60), 
    unit VARCHAR(20), 
    abnormal VARCHAR(2), 
    taken_at DATETIME NOT NULL, 
    reported_at DATETIME NOT NULL, 
    CONSTRAINT pk_lab_result PRIMARY KEY (id), 
    CONSTRAINT fk_lab_result_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_lab_result_test_code FOREIGN KEY(test_code) REFERENCES lab_test (code)
);

CREATE INDEX ix_lab_result_encounter_id ON lab_result (encounter_id);

CREATE TABLE med_order (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    term VARCHAR(4) NOT NULL, 
    category VARCHAR(12) NOT NULL, 
    drug_id VARCHAR(36), 
    item_id VARCHAR(36), 
    content VARCHAR(200) NOT NULL, 
    dose NUMERIC(12, 4), 
    dose_unit VARCHAR(10), 
    route_code VARCHAR(12), 
    freq_code VARCHAR(10), 
    first_day_times SMALLINT, 
    rate VARCHAR(20), 
    group_id VARCHAR(36), 
    group_seq SMALLINT, 
    skin_test_req BOOLEAN NOT NULL, 
    instruction VARCHAR(100), 
    status VARCHAR(16) NOT NULL, 
    start_at DATETIME NOT NULL, 
    stop_at DATETIME, 
    ordered_by VARCHAR(36) NOT NULL, 
    signed_at DATETIME, 
    signed_by VARCHAR(36), 
    verified_at DATETIME, 
    verified_by VARCHAR(36), 
    stop_signed_at DATETIME, 
    stopped_by VARCHAR(36), 
    stop_checked_at DATETIME, 
    stop_checked_by VARCHAR(36), 
    void_reason VARCHAR(100), 
    return_reason VARCHAR(100), 
    verbal BOOLEAN NOT NULL, 
    override_reason VARCHAR(200), 
    print_page INTEGER, 
    print_row SMALLINT, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_med_order PRIMARY KEY (id), 
    CONSTRAINT fk_med_order_drug_id FOREIGN KEY(drug_id) REFERENCES drug (id), 
    CONSTRAINT fk_med_order_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_med_order_freq_code FOREIGN KEY(freq_code) REFERENCES freq (code), 
    CONSTRAINT fk_med_order_item_id FOREIGN KEY(item_id) REFERENCES order_item (id), 
    CONSTRAINT fk_med_order_ordered_by FOREIGN KEY(ordered_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_route_code FOREIGN KEY(route_code) REFERENCES route (code), 
    CONSTRAINT fk_med_order_signed_by FOREIGN KEY(signed_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_stop_checked_by FOREIGN KEY(stop_checked_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_stopped_by FOREIGN KEY(stopped_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_verified_by FOREIGN KEY(verified_by) REFERENCES staff (id), 
    CONSTRAINT ck_med_order_skin_test_req CHECK (skin_test_req IN (0, 1)), 
    CONSTRAINT ck_med_order_verbal CHECK (verbal IN (0, 1))
);

CREATE INDEX ix_med_order_enc_status ON med_order (encounter_id, status);

CREATE INDEX ix_med_order_encounter_id ON med_order (encounter_id);

CREATE INDEX ix_med_order_group_id ON med_order (group_id);

CREATE TABLE nursing_rec (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    rec_type VARCHAR(12) NOT NULL, 
    recorded_at DATETIME NOT NULL, 
    body TEXT NOT NULL, 
    nurse_id VARCHAR(36) NOT NULL, 
    status VARCHAR(10) NOT NULL, 
    device_time DATETIME NOT NULL, 
    received_at DATETIME, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_nursing_rec PRIMARY KEY (id), 
    CONSTRAINT fk_nursing_rec_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_nursing_rec_nurse_id FOREIGN KEY(nurse_id) REFERENCES staff (id)
);

CREATE INDEX ix_nursing_rec_encounter_id ON nursing_rec (encounter_id);

CREATE TABLE order_set_item (
    id VARCHAR(36) NOT NULL, 
    set_id VARCHAR(36) NOT NULL, 
    seq_no SMALLINT NOT NULL, 
    template TEXT NOT NULL, 
    CONSTRAINT pk_order_set_item PRIMARY KEY (id), 
    CONSTRAINT fk_order_set_item_set_id FOREIGN KEY(set_id) REFERENCES order_set (id)
);

CREATE INDEX ix_order_set_item_set_id ON order_set_item (set_id);

CREATE TABLE vital_obs (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    measured_at DATETIME NOT NULL, 
    item VARCHAR(12) NOT NULL, 
    num_value NUMERIC(8, 2), 
    code VARCHAR(12), 
    method VARCHAR(10), 
    note VARCHAR(60), 
    recorded_by VARCHAR(36) NOT NULL, 
    device_time DATETIME NOT NULL, 
    received_at DATETIME, 
    voided BOOLEAN NOT NULL, 
    void_reason VARCHAR(60), 
    created_at DATETIME NOT NULL, 
    CONSTRAINT pk_vital_obs PRIMARY KEY (id), 
    CONSTRAINT fk_vital_obs_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_vital_obs_recorded_by FOREIGN KEY(recorded_by) REFERENCES staff (id), 
    CONSTRAINT ck_vital_obs_voided CHECK (voided IN (0, 1))
);

CREATE INDEX ix_vital_obs_enc_time ON vital_obs (encounter_id, measured_at);

CREATE TABLE doc_rev (
    id VARCHAR(36) NOT NULL, 
    doc_id VARCHAR(36) NOT NULL, 
    rev_no INTEGER NOT NULL, 
    body TEXT NOT NULL, 
    editor_id VARCHAR(36) NOT NULL, 
    edited_at DATETIME NOT NULL, 
    reason VARCHAR(100), 
    CONSTRAINT pk_doc_rev PRIMARY KEY (id), 
    CONSTRAINT fk_doc_rev_doc_id FOREIGN KEY(doc_id) REFERENCES clin_doc (id), 
    CONSTRAINT fk_doc_rev_editor_id FOREIGN KEY(editor_id) REFERENCES staff (id), 
    CONSTRAINT uq_doc_rev_no UNIQUE (doc_id, rev_no)
);

CREATE INDEX ix_doc_rev_doc_id ON doc_rev (doc_id);

CREATE TABLE order_exec (
    id VARCHAR(36) NOT NULL, 
    order_id VARCHAR(36) NOT NULL, 
    planned_at DATETIME NOT NULL, 
    status VARCHAR(12) NOT NULL, 
    done_at DATETIME, 
    done_by VARCHAR(36), 
    checked_by VARCHAR(36), 
    reason_code VARCHAR(20), 
    reason_text VARCHAR(100), 
    device_time DATETIME, 
    received_at DATETIME, 
    flag_note VARCHAR(100), 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_order_exec PRIMARY KEY (id), 
    CONSTRAINT fk_order_exec_checked_by FOREIGN KEY(checked_by) REFERENCES staff (id), 
    CONSTRAINT fk_order_exec_done_by FOREIGN KEY(done_by) REFERENCES staff (id), 
    CONSTRAINT fk_order_exec_order_id FOREIGN KEY(order_id) REFERENCES med_order (id)
);

CREATE INDEX ix_order_exec_order_id ON order_exec (order_id);

CREATE INDEX ix_order_exec_planned ON order_exec (planned_at, status);

CREATE TABLE skin_test (
    id VARCHAR(36) NOT NULL, 
    patient_id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    order_id VARCHAR(36), 
    drug_id VARCHAR(36), 
    substance VARCHAR(60) NOT NULL, 
    batch_no VARCHAR(30), 
    result VARCHAR(8), 
    tested_at DATETIME NOT NULL, 
    read_at DATETIME, 
    tested_by VARCHAR(36) NOT NULL, 
    read_by VARCHAR(36), 
    checked_by VARCHAR(36), 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_skin_test PRIMARY KEY (id), 
    CONSTRAINT fk_skin_test_checked_by FOREIGN KEY(checked_by) REFERENCES staff (id), 
    CONSTRAINT fk_skin_test_drug_id FOREIGN KEY(drug_id) REFERENCES drug (id), 
    CONSTRAINT fk_skin_test_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_skin_test_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_skin_test_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_skin_test_read_by FOREIGN KEY(read_by) REFERENCES staff (id), 
    CONSTRAINT fk_skin_test_tested_by FOREIGN KEY(tested_by) REFERENCES staff (id)
);

CREATE INDEX ix_skin_test_patient_id ON skin_test (patient_id);

INSERT INTO alembic_version (version_num) VALUES ('0001');

-- Running upgrade 0001 -> 0002

CREATE TABLE audit_rec (
    id VARCHAR(36) NOT NULL, 
    chain_id VARCHAR(60) NOT NULL, 
    chain_seq BIGINT NOT NULL, 
    at DATETIME NOT NULL, 
    staff_id VARCHAR(36), 
    workstation VARCHAR(60) NOT NULL, 
    action VARCHAR(20) NOT NULL, 
    entity VARCHAR(20) NOT NULL, 
    entity_id VARCHAR(36) NOT NULL, 
    patient_id VARCHAR(36), 
    before_data TEXT, 
    after_data TEXT, 
    op_id VARCHAR(36), 
    prev_hash VARCHAR(64) NOT NULL, 
    row_hash VARCHAR(64) NOT NULL, 
    CONSTRAINT pk_audit_rec PRIMARY KEY (id), 
    CONSTRAINT fk_audit_rec_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id), 
    CONSTRAINT uq_audit_rec_chain_seq UNIQUE (chain_id, chain_seq)
);

CREATE INDEX ix_audit_rec_entity ON audit_rec (entity, entity_id);

CREATE INDEX ix_audit_rec_op ON audit_rec (op_id);

CREATE INDEX ix_audit_rec_patient ON audit_rec (patient_id);

CREATE UNIQUE INDEX uq_encounter_bed_occupant ON encounter ((CASE WHEN (status = 'admitted') THEN bed_id END));

CREATE TRIGGER IF NOT EXISTS audit_rec_no_update BEFORE UPDATE ON audit_rec BEGIN SELECT RAISE(ABORT, 'audit_rec is append-only'); END;

CREATE TRIGGER IF NOT EXISTS audit_rec_no_delete BEFORE DELETE ON audit_rec BEGIN SELECT RAISE(ABORT, 'audit_rec is append-only'); END;

CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER IF NOT EXISTS audit_head_no_update BEFORE UPDATE ON audit_head BEGIN SELECT RAISE(ABORT, 'audit_head is append-only'); END;

CREATE TRIGGER IF NOT EXISTS audit_head_no_delete BEFORE DELETE ON audit_head BEGIN SELECT RAISE(ABORT, 'audit_head is append-only'); END;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

-- Running upgrade 0002 -> 0003

CREATE TABLE order_group (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    term VARCHAR(4) NOT NULL, 
    route_code VARCHAR(12), 
    freq_code VARCHAR(10), 
    rate VARCHAR(20), 
    first_day_times SMALLINT, 
    start_at DATETIME NOT NULL, 
    stop_at DATETIME, 
    status VARCHAR(16) NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_order_group PRIMARY KEY (id), 
    CONSTRAINT fk_order_group_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_order_group_freq_code FOREIGN KEY(freq_code) REFERENCES freq (code), 
    CONSTRAINT fk_order_group_route_code FOREIGN KEY(route_code) REFERENCES route (code)
);

CREATE INDEX ix_order_group_encounter_id ON order_group (encounter_id);

CREATE TABLE order_override (
    id VARCHAR(36) NOT NULL, 
    order_id VARCHAR(36) NOT NULL, 
    rule VARCHAR(60) NOT NULL, 
    category VARCHAR(30) NOT NULL, 
    severity VARCHAR(10) NOT NULL, 
    message VARCHAR(200), 
    reason VARCHAR(200) NOT NULL, 
    staff_id VARCHAR(36) NOT NULL, 
    at DATETIME NOT NULL, 
    op_id VARCHAR(36), 
    CONSTRAINT pk_order_override PRIMARY KEY (id), 
    CONSTRAINT fk_order_override_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_order_override_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
);

CREATE INDEX ix_order_override_order_id ON order_override (order_id);

CREATE TABLE order_event (
    id VARCHAR(36) NOT NULL, 
    order_id VARCHAR(36) NOT NULL, 
    from_status VARCHAR(16), 
    to_status VARCHAR(16) NOT NULL, 
    at DATETIME NOT NULL, 
    staff_id VARCHAR(36) NOT NULL, 
    reason VARCHAR(200), 
    op_id VARCHAR(36), 
    device_time DATETIME, 
    CONSTRAINT pk_order_event PRIMARY KEY (id), 
    CONSTRAINT fk_order_event_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_order_event_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
);

CREATE INDEX ix_order_event_order_id ON order_event (order_id);

CREATE TABLE order_exec_plan (
    id VARCHAR(36) NOT NULL, 
    order_id VARCHAR(36) NOT NULL, 
    planned_at DATETIME NOT NULL, 
    status VARCHAR(12) NOT NULL, 
    created_at DATETIME NOT NULL, 
    version INTEGER NOT NULL, 
    CONSTRAINT pk_order_exec_plan PRIMARY KEY (id), 
    CONSTRAINT fk_order_exec_plan_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT uq_order_exec_plan_slot UNIQUE (order_id, planned_at)
);

ALTER TABLE applied_op ADD COLUMN reason VARCHAR(200);

ALTER TABLE applied_op ADD COLUMN received_at DATETIME;

ALTER TABLE applied_op ADD COLUMN payload_version SMALLINT;

INSERT INTO order_group (id, encounter_id, term, route_code, freq_code, rate, first_day_times, start_at, stop_at, status, version, created_at, updated_at) SELECT m.group_id, m.encounter_id, m.term, m.route_code, m.freq_code, m.rate, m.first_day_times, m.start_at, m.stop_at, m.status, 1, m.created_at, m.updated_at FROM med_order m WHERE m.group_id IS NOT NULL AND m.group_seq = (SELECT MIN(m2.group_seq) FROM med_order m2 WHERE m2.group_id = m.group_id);

CREATE TABLE _alembic_tmp_med_order (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    term VARCHAR(4) NOT NULL, 
    category VARCHAR(12) NOT NULL, 
    drug_id VARCHAR(36), 
    item_id VARCHAR(36), 
    content VARCHAR(200) NOT NULL, 
    dose NUMERIC(12, 4), 
    dose_unit VARCHAR(10), 
    route_code VARCHAR(12), 
    freq_code VARCHAR(10), 
    first_day_times SMALLINT, 
    rate VARCHAR(20), 
    group_id VARCHAR(36), 
    group_seq SMALLINT, 
    skin_test_req BOOLEAN NOT NULL, 
    instruction VARCHAR(100), 
    status VARCHAR(16) NOT NULL, 
    start_at DATETIME NOT NULL, 
    stop_at DATETIME, 
    ordered_by VARCHAR(36) NOT NULL, 
    signed_at DATETIME, 
    signed_by VARCHAR(36), 
    verified_at DATETIME, 
    verified_by VARCHAR(36), 
    stop_signed_at DATETIME, 
    stopped_by VARCHAR(36), 
    stop_checked_at DATETIME, 
    stop_checked_by VARCHAR(36), 
    void_reason VARCHAR(100), 
    return_reason VARCHAR(100), 
    verbal BOOLEAN NOT NULL, 
    override_reason VARCHAR(200), 
    print_page INTEGER, 
    print_row SMALLINT, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    use_kind VARCHAR(10) DEFAULT 'regular' NOT NULL, 
    line_kind VARCHAR(12), 
    abx_grade SMALLINT DEFAULT '0' NOT NULL, 
    approved_at DATETIME, 
    approved_by VARCHAR(36), 
    CONSTRAINT pk_med_order PRIMARY KEY (id), 
    CONSTRAINT skin_test_req CHECK (skin_test_req IN (0, 1)), 
    CONSTRAINT verbal CHECK (verbal IN (0, 1)), 
    CONSTRAINT fk_med_order_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_med_order_ordered_by FOREIGN KEY(ordered_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_stop_checked_by FOREIGN KEY(stop_checked_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_item_id FOREIGN KEY(item_id) REFERENCES order_item (id), 
    CONSTRAINT fk_med_order_drug_id FOREIGN KEY(drug_id) REFERENCES drug (id), 
    CONSTRAINT fk_med_order_signed_by FOREIGN KEY(signed_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_freq_code FOREIGN KEY(freq_code) REFERENCES freq (code), 
    CONSTRAINT fk_med_order_stopped_by FOREIGN KEY(stopped_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_verified_by FOREIGN KEY(verified_by) REFERENCES staff (id), 
    CONSTRAINT fk_med_order_route_code FOREIGN KEY(route_code) REFERENCES route (code), 
    CONSTRAINT fk_med_order_group_id FOREIGN KEY(group_id) REFERENCES order_group (id), 
    CONSTRAINT fk_med_order_approved_by FOREIGN KEY(approved_by) REFERENCES staff (id)
);

INSERT INTO _alembic_tmp_med_order (id, encounter_id, term, category, drug_id, item_id, content, dose, dose_unit, route_code, freq_code, first_day_times, rate, group_id, group_seq, skin_test_req, instruction, status, start_at, stop_at, ordered_by, signed_at, signed_by, verified_at, verified_by, stop_signed_at, stopped_by, stop_checked_at, stop_checked_by, void_reason, return_reason, verbal, override_reason, print_page, print_row, version, created_at, updated_at) SELECT med_order.id, med_order.encounter_id, med_order.term, med_order.category, med_order.drug_id, med_order.item_id, med_order.content, med_order.dose, med_order.dose_unit, med_order.route_code, med_order.freq_code, med_order.first_day_times, med_order.rate, med_order.group_id, med_order.group_seq, med_order.skin_test_req, med_order.instruction, med_order.status, med_order.start_at, med_order.stop_at, med_order.ordered_by, med_order.signed_at, med_order.signed_by, med_order.verified_at, med_order.verified_by, med_order.stop_signed_at, med_order.stopped_by, med_order.stop_checked_at, med_order.stop_checked_by, med_order.void_reason, med_order.return_reason, med_order.verbal, med_order.override_reason, med_order.print_page, med_order.print_row, med_order.version, med_order.created_at, med_order.updated_at 
FROM med_order;

DROP TABLE med_order;

ALTER TABLE _alembic_tmp_med_order RENAME TO med_order;

CREATE INDEX ix_med_order_enc_status ON med_order (encounter_id, status);

CREATE INDEX ix_med_order_encounter_id ON med_order (encounter_id);

CREATE INDEX ix_med_order_group_id ON med_order (group_id);

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

-- Running upgrade 0003 -> 0004

CREATE TABLE doc_draft (
    id VARCHAR(36) NOT NULL, 
    doc_id VARCHAR(36) NOT NULL, 
    author_id VARCHAR(36) NOT NULL, 
    body TEXT NOT NULL, 
    base_rev_no INTEGER NOT NULL, 
    saved_at DATETIME NOT NULL, 
    version INTEGER NOT NULL, 
    CONSTRAINT pk_doc_draft PRIMARY KEY (id), 
    CONSTRAINT fk_doc_draft_author_id FOREIGN KEY(author_id) REFERENCES staff (id), 
    CONSTRAINT fk_doc_draft_doc_id FOREIGN KEY(doc_id) REFERENCES clin_doc (id), 
    CONSTRAINT uq_doc_draft_slot UNIQUE (doc_id, author_id)
);

CREATE TABLE doc_phrase (
    id VARCHAR(36) NOT NULL, 
    staff_id VARCHAR(36) NOT NULL, 
    sort_key INTEGER NOT NULL, 
    text VARCHAR(200) NOT NULL, 
    CONSTRAINT pk_doc_phrase PRIMARY KEY (id), 
    CONSTRAINT fk_doc_phrase_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
);

CREATE INDEX ix_doc_phrase_staff_id ON doc_phrase (staff_id);

CREATE TABLE consult_req (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    requested_by VARCHAR(36) NOT NULL, 
    to_dept_id VARCHAR(36) NOT NULL, 
    to_staff_id VARCHAR(36), 
    urgent BOOLEAN NOT NULL, 
    question VARCHAR(500) NOT NULL, 
    status VARCHAR(12) NOT NULL, 
    requested_at DATETIME NOT NULL, 
    accepted_by VARCHAR(36), 
    accepted_at DATETIME, 
    answered_at DATETIME, 
    doc_id VARCHAR(36), 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_consult_req PRIMARY KEY (id), 
    CONSTRAINT fk_consult_req_accepted_by FOREIGN KEY(accepted_by) REFERENCES staff (id), 
    CONSTRAINT fk_consult_req_doc_id FOREIGN KEY(doc_id) REFERENCES clin_doc (id), 
    CONSTRAINT fk_consult_req_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_consult_req_requested_by FOREIGN KEY(requested_by) REFERENCES staff (id), 
    CONSTRAINT fk_consult_req_to_dept_id FOREIGN KEY(to_dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_consult_req_to_staff_id FOREIGN KEY(to_staff_id) REFERENCES staff (id), 
    CONSTRAINT ck_consult_req_urgent CHECK (urgent IN (0, 1))
);

CREATE INDEX ix_consult_req_dept_status ON consult_req (to_dept_id, status);

CREATE INDEX ix_consult_req_encounter_id ON consult_req (encounter_id);

CREATE TABLE doc_handover (
    id VARCHAR(36) NOT NULL, 
    ward_id VARCHAR(36) NOT NULL, 
    from_staff VARCHAR(36) NOT NULL, 
    to_staff VARCHAR(36), 
    handed_at DATETIME NOT NULL, 
    body TEXT NOT NULL, 
    status VARCHAR(12) NOT NULL, 
    ack_by VARCHAR(36), 
    ack_at DATETIME, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_doc_handover PRIMARY KEY (id), 
    CONSTRAINT fk_doc_handover_ack_by FOREIGN KEY(ack_by) REFERENCES staff (id), 
    CONSTRAINT fk_doc_handover_from_staff FOREIGN KEY(from_staff) REFERENCES staff (id), 
    CONSTRAINT fk_doc_handover_to_staff FOREIGN KEY(to_staff) REFERENCES staff (id), 
    CONSTRAINT fk_doc_handover_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id)
);

CREATE INDEX ix_doc_handover_ward_id ON doc_handover (ward_id);

CREATE TRIGGER IF NOT EXISTS doc_rev_no_update BEFORE UPDATE ON doc_rev BEGIN SELECT RAISE(ABORT, 'doc_rev is append-only'); END;

CREATE TRIGGER IF NOT EXISTS doc_rev_no_delete BEFORE DELETE ON doc_rev BEGIN SELECT RAISE(ABORT, 'doc_rev is append-only'); END;

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003';

-- Running upgrade 0004 -> 0005

ALTER TABLE vital_obs ADD COLUMN voids VARCHAR(36);

ALTER TABLE vital_obs ADD COLUMN slot_at DATETIME;

ALTER TABLE vital_obs ADD COLUMN op_id VARCHAR(36);

CREATE UNIQUE INDEX uq_vital_obs_voids ON vital_obs (voids);

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004';

-- Running upgrade 0005 -> 0006

CREATE TABLE _alembic_tmp_order_exec (
    id VARCHAR(36) NOT NULL, 
    order_id VARCHAR(36) NOT NULL, 
    planned_at DATETIME NOT NULL, 
    status VARCHAR(12) NOT NULL, 
    done_at DATETIME, 
    done_by VARCHAR(36), 
    checked_by VARCHAR(36), 
    reason_code VARCHAR(20), 
    reason_text VARCHAR(100), 
    device_time DATETIME, 
    received_at DATETIME, 
    flag_note VARCHAR(100), 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    plan_id VARCHAR(36), 
    voids_id VARCHAR(36), 
    claim_key VARCHAR(60), 
    is_duplicate BOOLEAN DEFAULT 0 NOT NULL, 
    device_id VARCHAR(60), 
    CONSTRAINT pk_order_exec PRIMARY KEY (id), 
    CONSTRAINT fk_order_exec_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_order_exec_done_by FOREIGN KEY(done_by) REFERENCES staff (id), 
    CONSTRAINT fk_order_exec_checked_by FOREIGN KEY(checked_by) REFERENCES staff (id), 
    CONSTRAINT ck_order_exec_is_duplicate CHECK (is_duplicate IN (0, 1)), 
    CONSTRAINT fk_order_exec_plan_id FOREIGN KEY(plan_id) REFERENCES order_exec_plan (id), 
    CONSTRAINT fk_order_exec_voids_id FOREIGN KEY(voids_id) REFERENCES order_exec (id), 
    CONSTRAINT uq_order_exec_claim_key UNIQUE (claim_key), 
    CONSTRAINT uq_order_exec_voids_id UNIQUE (voids_id)
);

INSERT INTO _alembic_tmp_order_exec (id, order_id, planned_at, status, done_at, done_by, checked_by, reason_code, reason_text, device_time, received_at, flag_note, version, created_at, updated_at) SELECT order_exec.id, order_exec.order_id, order_exec.planned_at, order_exec.status, order_exec.done_at, order_exec.done_by, order_exec.checked_by, order_exec.reason_code, order_exec.reason_text, order_exec.device_time, order_exec.received_at, order_exec.flag_note, order_exec.version, order_exec.created_at, order_exec.updated_at 
FROM order_exec;

DROP TABLE order_exec;

ALTER TABLE _alembic_tmp_order_exec RENAME TO order_exec;

CREATE INDEX ix_order_exec_order_id ON order_exec (order_id);

CREATE INDEX ix_order_exec_planned ON order_exec (planned_at, status);

CREATE INDEX ix_order_exec_plan_id ON order_exec (plan_id);

CREATE TABLE pharm_req (
    id VARCHAR(36) NOT NULL, 
    ward_id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36), 
    kind VARCHAR(8) NOT NULL, 
    status VARCHAR(12) NOT NULL, 
    window_from DATETIME NOT NULL, 
    window_to DATETIME NOT NULL, 
    sent_at DATETIME NOT NULL, 
    sent_by VARCHAR(36) NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_pharm_req PRIMARY KEY (id), 
    CONSTRAINT fk_pharm_req_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_pharm_req_sent_by FOREIGN KEY(sent_by) REFERENCES staff (id), 
    CONSTRAINT fk_pharm_req_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id)
);

CREATE INDEX ix_pharm_req_ward_id ON pharm_req (ward_id);

CREATE TABLE pharm_req_line (
    id VARCHAR(36) NOT NULL, 
    req_id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    order_id VARCHAR(36) NOT NULL, 
    drug_id VARCHAR(36) NOT NULL, 
    doses INTEGER NOT NULL, 
    quantity NUMERIC(12, 2) NOT NULL, 
    unit VARCHAR(10) NOT NULL, 
    CONSTRAINT pk_pharm_req_line PRIMARY KEY (id), 
    CONSTRAINT fk_pharm_req_line_drug_id FOREIGN KEY(drug_id) REFERENCES drug (id), 
    CONSTRAINT fk_pharm_req_line_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_pharm_req_line_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_pharm_req_line_req_id FOREIGN KEY(req_id) REFERENCES pharm_req (id)
);

CREATE INDEX ix_pharm_req_line_req_id ON pharm_req_line (req_id);

CREATE TABLE pharm_req_item (
    plan_id VARCHAR(36) NOT NULL, 
    kind VARCHAR(8) NOT NULL, 
    line_id VARCHAR(36) NOT NULL, 
    CONSTRAINT pk_pharm_req_item PRIMARY KEY (plan_id, kind), 
    CONSTRAINT fk_pharm_req_item_line_id FOREIGN KEY(line_id) REFERENCES pharm_req_line (id), 
    CONSTRAINT fk_pharm_req_item_plan_id FOREIGN KEY(plan_id) REFERENCES order_exec_plan (id)
);

CREATE INDEX ix_pharm_req_item_line_id ON pharm_req_item (line_id);

UPDATE alembic_version SET version_num='0006' WHERE alembic_version.version_num = '0005';

-- Running upgrade 0006 -> 0007

CREATE TABLE change_seq (
    seq INTEGER NOT NULL, 
    ward_id VARCHAR(36) NOT NULL, 
    patient_id VARCHAR(36), 
    kind VARCHAR(20) NOT NULL, 
    recorded_at DATETIME NOT NULL, 
    CONSTRAINT pk_change_seq PRIMARY KEY (seq)
);

CREATE INDEX ix_change_seq_ward_seq ON change_seq (ward_id, seq);

CREATE INDEX ix_change_seq_ward_at ON change_seq (ward_id, recorded_at);

UPDATE alembic_version SET version_num='0007' WHERE alembic_version.version_num = '0006';

-- Running upgrade 0007 -> 0008

CREATE TABLE sheet_print (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    sheet VARCHAR(8) NOT NULL, 
    order_id VARCHAR(36) NOT NULL, 
    what VARCHAR(8) NOT NULL, 
    page_no INTEGER NOT NULL, 
    row_no SMALLINT NOT NULL, 
    span SMALLINT NOT NULL, 
    printed_at DATETIME NOT NULL, 
    printed_by VARCHAR(36), 
    op_id VARCHAR(36), 
    CONSTRAINT pk_sheet_print PRIMARY KEY (id), 
    CONSTRAINT fk_sheet_print_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_sheet_print_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_sheet_print_printed_by FOREIGN KEY(printed_by) REFERENCES staff (id), 
    CONSTRAINT uq_sheet_print_line UNIQUE (encounter_id, sheet, order_id, what)
);

CREATE INDEX ix_sheet_print_enc ON sheet_print (encounter_id, sheet);

UPDATE alembic_version SET version_num='0008' WHERE alembic_version.version_num = '0007';

-- Running upgrade 0008 -> 0009

ALTER TABLE nursing_rec ADD COLUMN replaces_id VARCHAR(36);

ALTER TABLE nursing_rec ADD COLUMN reason VARCHAR(200);

ALTER TABLE nursing_rec ADD COLUMN op_id VARCHAR(36);

CREATE UNIQUE INDEX uq_nursing_rec_replaces ON nursing_rec (replaces_id);

UPDATE alembic_version SET version_num='0009' WHERE alembic_version.version_num = '0008';

-- Running upgrade 0009 -> 0010

CREATE TABLE consumable (
    id VARCHAR(36) NOT NULL, 
    code VARCHAR(30) NOT NULL, 
    name VARCHAR(40) NOT NULL, 
    spec VARCHAR(40), 
    unit VARCHAR(10) NOT NULL, 
    price NUMERIC(10, 2), 
    is_active BOOLEAN NOT NULL, 
    CONSTRAINT pk_consumable PRIMARY KEY (id), 
    CONSTRAINT uq_consumable_code UNIQUE (code), 
    CONSTRAINT ck_consumable_is_active CHECK (is_active IN (0, 1))
);

CREATE TABLE cons_rule (
    id VARCHAR(36) NOT NULL, 
    code VARCHAR(30) NOT NULL, 
    route_code VARCHAR(12), 
    category VARCHAR(12), 
    item_id VARCHAR(36), 
    drug_form VARCHAR(20), 
    consumable_id VARCHAR(36) NOT NULL, 
    quantity NUMERIC(8, 2) NOT NULL, 
    per VARCHAR(8) NOT NULL, 
    priority SMALLINT NOT NULL, 
    is_active BOOLEAN NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_cons_rule PRIMARY KEY (id), 
    CONSTRAINT fk_cons_rule_route_code FOREIGN KEY(route_code) REFERENCES route (code), 
    CONSTRAINT fk_cons_rule_item_id FOREIGN KEY(item_id) REFERENCES order_item (id), 
    CONSTRAINT fk_cons_rule_consumable_id FOREIGN KEY(consumable_id) REFERENCES consumable (id), 
    CONSTRAINT uq_cons_rule_code UNIQUE (code), 
    CONSTRAINT ck_cons_rule_is_active CHECK (is_active IN (0, 1))
);

CREATE TABLE order_cons (
    id VARCHAR(36) NOT NULL, 
    order_id VARCHAR(36) NOT NULL, 
    plan_id VARCHAR(36) NOT NULL, 
    bind_key VARCHAR(100) NOT NULL, 
    rule_id VARCHAR(36), 
    consumable_id VARCHAR(36) NOT NULL, 
    quantity NUMERIC(8, 2) NOT NULL, 
    per VARCHAR(8) NOT NULL, 
    status VARCHAR(10) NOT NULL, 
    added_by VARCHAR(36), 
    add_reason VARCHAR(100), 
    removed_by VARCHAR(36), 
    removed_at DATETIME, 
    remove_reason VARCHAR(100), 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_order_cons PRIMARY KEY (id), 
    CONSTRAINT fk_order_cons_order_id FOREIGN KEY(order_id) REFERENCES med_order (id), 
    CONSTRAINT fk_order_cons_plan_id FOREIGN KEY(plan_id) REFERENCES order_exec_plan (id), 
    CONSTRAINT fk_order_cons_rule_id FOREIGN KEY(rule_id) REFERENCES cons_rule (id), 
    CONSTRAINT fk_order_cons_consumable_id FOREIGN KEY(consumable_id) REFERENCES consumable (id), 
    CONSTRAINT fk_order_cons_added_by FOREIGN KEY(added_by) REFERENCES staff (id), 
    CONSTRAINT fk_order_cons_removed_by FOREIGN KEY(removed_by) REFERENCES staff (id), 
    CONSTRAINT uq_order_cons_bind_key UNIQUE (bind_key)
);

CREATE INDEX ix_order_cons_order_id ON order_cons (order_id);

CREATE INDEX ix_order_cons_plan_id ON order_cons (plan_id);

CREATE TABLE preq_cons (
    id VARCHAR(36) NOT NULL, 
    req_id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    consumable_id VARCHAR(36) NOT NULL, 
    n_items INTEGER NOT NULL, 
    quantity NUMERIC(12, 2) NOT NULL, 
    unit VARCHAR(10) NOT NULL, 
    CONSTRAINT pk_preq_cons PRIMARY KEY (id), 
    CONSTRAINT fk_preq_cons_req_id FOREIGN KEY(req_id) REFERENCES pharm_req (id), 
    CONSTRAINT fk_preq_cons_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_preq_cons_consumable_id FOREIGN KEY(consumable_id) REFERENCES consumable (id)
);

CREATE INDEX ix_preq_cons_req_id ON preq_cons (req_id);

CREATE TABLE preq_cons_item (
    bound_id VARCHAR(36) NOT NULL, 
    line_id VARCHAR(36) NOT NULL, 
    CONSTRAINT pk_preq_cons_item PRIMARY KEY (bound_id), 
    CONSTRAINT fk_preq_cons_item_bound_id FOREIGN KEY(bound_id) REFERENCES order_cons (id), 
    CONSTRAINT fk_preq_cons_item_line_id FOREIGN KEY(line_id) REFERENCES preq_cons (id)
);

CREATE INDEX ix_preq_cons_item_line_id ON preq_cons_item (line_id);

UPDATE alembic_version SET version_num='0010' WHERE alembic_version.version_num = '0009';

-- Running upgrade 0010 -> 0011

CREATE TABLE nurse_handover (
    id VARCHAR(36) NOT NULL, 
    ward_id VARCHAR(36) NOT NULL, 
    shift_date DATE NOT NULL, 
    shift_code VARCHAR(8) NOT NULL, 
    shift_start DATETIME NOT NULL, 
    shift_end DATETIME NOT NULL, 
    counts TEXT, 
    notes TEXT NOT NULL, 
    status VARCHAR(10) NOT NULL, 
    drafted_by VARCHAR(36) NOT NULL, 
    handed_by VARCHAR(36), 
    handed_at DATETIME, 
    received_by VARCHAR(36), 
    received_at DATETIME, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_nurse_handover PRIMARY KEY (id), 
    CONSTRAINT fk_nurse_handover_ward_id FOREIGN KEY(ward_id) REFERENCES ward (id), 
    CONSTRAINT fk_nurse_handover_drafted_by FOREIGN KEY(drafted_by) REFERENCES staff (id), 
    CONSTRAINT fk_nurse_handover_handed_by FOREIGN KEY(handed_by) REFERENCES staff (id), 
    CONSTRAINT fk_nurse_handover_received_by FOREIGN KEY(received_by) REFERENCES staff (id), 
    CONSTRAINT uq_nurse_handover_shift UNIQUE (ward_id, shift_date, shift_code)
);

UPDATE alembic_version SET version_num='0011' WHERE alembic_version.version_num = '0010';

-- Running upgrade 0011 -> 0012

ALTER TABLE doc_template ADD COLUMN owner_id VARCHAR(36) REFERENCES staff (id);

CREATE INDEX ix_doc_template_owner_id ON doc_template (owner_id);

CREATE TABLE _alembic_tmp_doc_phrase (
    id VARCHAR(36) NOT NULL, 
    staff_id VARCHAR(36) NOT NULL, 
    sort_key INTEGER NOT NULL, 
    text VARCHAR(500) NOT NULL, 
    version INTEGER DEFAULT '1' NOT NULL, 
    CONSTRAINT pk_doc_phrase PRIMARY KEY (id), 
    CONSTRAINT fk_doc_phrase_staff_id FOREIGN KEY(staff_id) REFERENCES staff (id)
);

INSERT INTO _alembic_tmp_doc_phrase (id, staff_id, sort_key, text) SELECT doc_phrase.id, doc_phrase.staff_id, doc_phrase.sort_key, doc_phrase.text 
FROM doc_phrase;

DROP TABLE doc_phrase;

ALTER TABLE _alembic_tmp_doc_phrase RENAME TO doc_phrase;

CREATE INDEX ix_doc_phrase_staff_id ON doc_phrase (staff_id);

UPDATE alembic_version SET version_num='0012' WHERE alembic_version.version_num = '0011';

-- Running upgrade 0012 -> 0013

CREATE TABLE crit_value (
    id VARCHAR(36) NOT NULL, 
    encounter_id VARCHAR(36) NOT NULL, 
    lab_result_id VARCHAR(36), 
    source VARCHAR(20) NOT NULL, 
    source_ref VARCHAR(64) NOT NULL, 
    test_code VARCHAR(12), 
    test_name VARCHAR(60) NOT NULL, 
    value_text VARCHAR(60) NOT NULL, 
    unit VARCHAR(20), 
    abnormal VARCHAR(2), 
    reported_at DATETIME NOT NULL, 
    received_at DATETIME NOT NULL, 
    status VARCHAR(10) NOT NULL, 
    ack_by VARCHAR(36), 
    ack_at DATETIME, 
    told_name VARCHAR(40), 
    told_staff_id VARCHAR(36), 
    note_doc_id VARCHAR(36), 
    noted_by VARCHAR(36), 
    noted_at DATETIME, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_crit_value PRIMARY KEY (id), 
    CONSTRAINT fk_crit_value_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_crit_value_lab_result_id FOREIGN KEY(lab_result_id) REFERENCES lab_result (id), 
    CONSTRAINT fk_crit_value_ack_by FOREIGN KEY(ack_by) REFERENCES staff (id), 
    CONSTRAINT fk_crit_value_told_staff_id FOREIGN KEY(told_staff_id) REFERENCES staff (id), 
    CONSTRAINT fk_crit_value_note_doc_id FOREIGN KEY(note_doc_id) REFERENCES clin_doc (id), 
    CONSTRAINT fk_crit_value_noted_by FOREIGN KEY(noted_by) REFERENCES staff (id), 
    CONSTRAINT uq_crit_value_source_ref UNIQUE (source, source_ref)
);

CREATE INDEX ix_crit_value_encounter_id ON crit_value (encounter_id);

UPDATE alembic_version SET version_num='0013' WHERE alembic_version.version_num = '0012';

-- Running upgrade 0013 -> 0014

ALTER TABLE patient ADD COLUMN health_card VARCHAR(30);

CREATE TABLE member_inst (
    id VARCHAR(36) NOT NULL, 
    code VARCHAR(30) NOT NULL, 
    name VARCHAR(80) NOT NULL, 
    inst_level VARCHAR(10) NOT NULL, 
    endpoint VARCHAR(200) NOT NULL, 
    is_active BOOLEAN NOT NULL, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_member_inst PRIMARY KEY (id), 
    CONSTRAINT uq_member_inst_code UNIQUE (code), 
    CONSTRAINT ck_member_inst_is_active CHECK (is_active IN (0, 1))
);

CREATE TABLE referral (
    id VARCHAR(36) NOT NULL, 
    direction VARCHAR(4) NOT NULL, 
    inbound BOOLEAN NOT NULL, 
    encounter_id VARCHAR(36), 
    patient_id VARCHAR(36), 
    inst_id VARCHAR(36) NOT NULL, 
    reason VARCHAR(200) NOT NULL, 
    to_dept VARCHAR(60) NOT NULL, 
    dept_id VARCHAR(36), 
    status VARCHAR(10) NOT NULL, 
    reject_reason VARCHAR(200), 
    bundle_ident VARCHAR(64) NOT NULL, 
    patient_name VARCHAR(40), 
    summary TEXT, 
    created_by VARCHAR(36), 
    sent_by VARCHAR(36), 
    sent_at DATETIME, 
    answered_by VARCHAR(36), 
    answered_at DATETIME, 
    completed_at DATETIME, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_referral PRIMARY KEY (id), 
    CONSTRAINT fk_referral_encounter_id FOREIGN KEY(encounter_id) REFERENCES encounter (id), 
    CONSTRAINT fk_referral_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_referral_inst_id FOREIGN KEY(inst_id) REFERENCES member_inst (id), 
    CONSTRAINT fk_referral_dept_id FOREIGN KEY(dept_id) REFERENCES dept (id), 
    CONSTRAINT fk_referral_created_by FOREIGN KEY(created_by) REFERENCES staff (id), 
    CONSTRAINT fk_referral_sent_by FOREIGN KEY(sent_by) REFERENCES staff (id), 
    CONSTRAINT fk_referral_answered_by FOREIGN KEY(answered_by) REFERENCES staff (id), 
    CONSTRAINT uq_referral_bundle_ident UNIQUE (bundle_ident), 
    CONSTRAINT ck_referral_inbound CHECK (inbound IN (0, 1))
);

CREATE INDEX ix_referral_encounter_id ON referral (encounter_id);

CREATE INDEX ix_referral_dept_status ON referral (dept_id, status);

CREATE TABLE exchange_out (
    id VARCHAR(36) NOT NULL, 
    kind VARCHAR(16) NOT NULL, 
    bundle_ident VARCHAR(64) NOT NULL, 
    referral_id VARCHAR(36), 
    inst_id VARCHAR(36) NOT NULL, 
    patient_id VARCHAR(36), 
    payload TEXT NOT NULL, 
    state VARCHAR(8) NOT NULL, 
    attempts INTEGER NOT NULL, 
    next_try_at DATETIME NOT NULL, 
    last_status SMALLINT, 
    last_error VARCHAR(400), 
    remote_ref VARCHAR(200), 
    queued_at DATETIME NOT NULL, 
    sent_at DATETIME, 
    version INTEGER NOT NULL, 
    CONSTRAINT pk_exchange_out PRIMARY KEY (id), 
    CONSTRAINT fk_exchange_out_referral_id FOREIGN KEY(referral_id) REFERENCES referral (id), 
    CONSTRAINT fk_exchange_out_inst_id FOREIGN KEY(inst_id) REFERENCES member_inst (id), 
    CONSTRAINT fk_exchange_out_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT uq_exchange_out_bundle_ident UNIQUE (bundle_ident)
);

CREATE INDEX ix_exchange_out_referral_id ON exchange_out (referral_id);

CREATE INDEX ix_exchange_out_due ON exchange_out (state, next_try_at);

UPDATE alembic_version SET version_num='0014' WHERE alembic_version.version_num = '0013';

-- Running upgrade 0014 -> 0015

ALTER TABLE order_item ADD COLUMN loinc VARCHAR(20);

CREATE TABLE ext_result (
    id VARCHAR(36) NOT NULL, 
    patient_id VARCHAR(36) NOT NULL, 
    inst_code VARCHAR(30) NOT NULL, 
    inst_name VARCHAR(80) NOT NULL, 
    source_ref VARCHAR(200) NOT NULL, 
    kind VARCHAR(8) NOT NULL, 
    code_system VARCHAR(100), 
    code VARCHAR(40), 
    loinc VARCHAR(20), 
    name VARCHAR(80) NOT NULL, 
    items TEXT, 
    conclusion VARCHAR(1000), 
    effective_at DATETIME NOT NULL, 
    issued_at DATETIME, 
    fetched_at DATETIME NOT NULL, 
    status VARCHAR(10) NOT NULL, 
    recognised_by VARCHAR(36), 
    recognised_at DATETIME, 
    version INTEGER NOT NULL, 
    created_at DATETIME NOT NULL, 
    updated_at DATETIME NOT NULL, 
    CONSTRAINT pk_ext_result PRIMARY KEY (id), 
    CONSTRAINT fk_ext_result_patient_id FOREIGN KEY(patient_id) REFERENCES patient (id), 
    CONSTRAINT fk_ext_result_recognised_by FOREIGN KEY(recognised_by) REFERENCES staff (id), 
    CONSTRAINT uq_ext_result_source UNIQUE (inst_code, source_ref)
);

CREATE INDEX ix_ext_result_patient ON ext_result (patient_id, effective_at);

UPDATE alembic_version SET version_num='0015' WHERE alembic_version.version_num = '0014';

